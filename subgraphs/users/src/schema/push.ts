// Push notifications: a device registers for them from a signed-in session (and loses them with it), unregisters,
// and the customer sees which devices are registered. The notifications themselves: push/dispatcher.ts.
import { registerPushDevice, unregisterPushDevice } from '../app/push-devices.ts';
import { builder } from '../builder.ts';
import { CustomerRef } from './customer.ts';
import { bounded, byTypename, ErrorInterface, type Typed } from './error.ts';

const PushChannel = builder.enumType('PushChannel', {
  description: 'How a device receives notifications.',
  values: {
    WEB_PUSH: { description: 'Web Push: a browser or an installed web app (VAPID key from `webPushPublicKey`).' },
    APNS: { description: 'Apple Push Notification service (iOS app).' },
    FCM: { description: 'Firebase Cloud Messaging (Android app).' },
  } as const,
});

const PushDevice = builder.prismaObject('PushDevice', {
  description: 'A device registered for push notifications (its address is never shown).',
  fields: (t) => ({
    id: t.exposeID('id'),
    channel: t.expose('channel', { type: PushChannel }),
    registeredAt: t.expose('createdAt', { type: 'DateTime' }),
    lastNotifiedAt: t.expose('lastPushedAt', { type: 'DateTime', nullable: true }),
    current: t.boolean({
      description: 'Registered by the session making this request.',
      resolve: (d, _a, ctx) => d.sessionId === ctx.who?.sid,
    }),
  }),
});

const PushDeviceInput = builder.inputType('PushDeviceInput', {
  description:
    'WEB_PUSH: `endpoint`, `p256dh` and `auth` from the browser’s PushSubscription; APNS and FCM: the device `token`.',
  fields: (t) => ({
    channel: t.field({ type: PushChannel, required: true }),
    endpoint: t.string(),
    p256dh: t.string(),
    auth: t.string(),
    token: t.string(),
  }),
});

type Registered = Typed<'PushDeviceRegistered', { deviceId: string }>;
type Invalid = Typed<'InvalidPushDevice', { message: string; field: string }>;
type Unavailable = Typed<'PushChannelUnavailable', { message: string }>;

const PushDeviceRegistered = builder.objectRef<Registered>('PushDeviceRegistered').implement({
  description: 'The device will be notified while its session lasts and the app is not open.',
  fields: (t) => ({
    device: t.prismaField({
      type: PushDevice,
      resolve: (query, r, _a, ctx) =>
        ctx.app.prisma.pushDevice.findUniqueOrThrow({ ...query, where: { id: r.deviceId } }),
    }),
  }),
});
const InvalidPushDevice = builder.objectRef<Invalid>('InvalidPushDevice').implement({
  description: 'A field was refused; nothing was registered.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ field: t.exposeString('field', { description: 'The input field at fault.' }) }),
});
const PushChannelUnavailable = builder.objectRef<Unavailable>('PushChannelUnavailable').implement({
  description: 'This kind of notification is not offered by this installation.',
  interfaces: [ErrorInterface],
});
const RegisterPushDeviceResult = builder.unionType('RegisterPushDeviceResult', {
  description: 'The outcome of a push registration.',
  types: [PushDeviceRegistered, InvalidPushDevice, PushChannelUnavailable],
  resolveType: byTypename,
});

type Unregistered = Typed<'PushDeviceUnregistered', { id: string }>;
type NotFound = Typed<'PushDeviceNotFound', { message: string }>;
const PushDeviceUnregistered = builder.objectRef<Unregistered>('PushDeviceUnregistered').implement({
  description: 'The device will not be notified any more.',
  fields: (t) => ({ id: t.exposeID('id') }),
});
const PushDeviceNotFound = builder.objectRef<NotFound>('PushDeviceNotFound').implement({
  description: 'The customer has no registered device with this id.',
  interfaces: [ErrorInterface],
});
const UnregisterPushDeviceResult = builder.unionType('UnregisterPushDeviceResult', {
  description: 'The outcome of removing a push registration.',
  types: [PushDeviceUnregistered, PushDeviceNotFound],
  resolveType: byTypename,
});

builder.mutationField('registerPushDevice', (t) =>
  t.withAuth({ customer: true }).field({
    type: RegisterPushDeviceResult,
    description:
      'Registers this device for push notifications while the app is closed, for the signed-in session: signing ' +
      'out or revoking the session removes it.',
    args: { input: t.arg({ type: PushDeviceInput, required: true }) },
    resolve: async (_r, { input }, ctx): Promise<Registered | Invalid | Unavailable> => {
      const outcome = await registerPushDevice(ctx.app, ctx.who, {
        channel: input.channel,
        endpoint: input.endpoint ? bounded(input.endpoint, 'endpoint') : null,
        p256dh: input.p256dh ? bounded(input.p256dh, 'p256dh') : null,
        auth: input.auth ? bounded(input.auth, 'auth') : null,
        token: input.token ? bounded(input.token, 'token') : null,
      });
      if (outcome.kind === 'registered') return { __typename: 'PushDeviceRegistered', deviceId: outcome.deviceId };
      if (outcome.kind === 'invalid')
        return { __typename: 'InvalidPushDevice', field: outcome.field, message: outcome.message };
      return {
        __typename: 'PushChannelUnavailable',
        message: 'Ce type de notification n’est pas proposé pour le moment.',
      };
    },
  }),
);

builder.mutationField('unregisterPushDevice', (t) =>
  t.withAuth({ customer: true }).field({
    type: UnregisterPushDeviceResult,
    description: 'Stops notifications to one of the customer’s devices.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, { id }, ctx): Promise<Unregistered | NotFound> => {
      return (await unregisterPushDevice(ctx.app, ctx.who.sub, String(id)))
        ? { __typename: 'PushDeviceUnregistered', id: String(id) }
        : { __typename: 'PushDeviceNotFound', message: 'Cet appareil n’est pas inscrit aux notifications.' };
    },
  }),
);

builder.queryField('webPushPublicKey', (t) =>
  t.string({
    nullable: true,
    description: 'The `applicationServerKey` a browser subscribes with (base64url); null when Web Push is off.',
    resolve: (_r, _a, ctx) => ctx.app.push.vapidPublicKey,
  }),
);

builder.objectFields(CustomerRef, (t) => ({
  pushDevices: t
    .withAuth((c) => ({ customerFile: { customerId: c.id, what: 'Appareils de notification' } }))
    .prismaField({
      type: [PushDevice],
      description: 'Devices registered for push notifications, most recent first.',
      resolve: (query, c, _a, ctx) => {
        return ctx.app.prisma.pushDevice.findMany({
          ...query,
          where: { customerId: c.id },
          orderBy: { createdAt: 'desc' },
        });
      },
    }),
}));
