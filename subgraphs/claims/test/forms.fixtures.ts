// Declarations shared by the form tests: a claim that occurred on 10 March 2027, declared on 20 March.
import type { Answers, ClaimType } from '../src/domain/forms/index.ts';

export const context = { occurredOn: new Date('2027-03-10T00:00:00Z'), today: new Date('2027-03-20T10:00:00Z') };

// A complete declaration per type, every conditional question shown.
export const COMPLETE: Record<ClaimType, Answers> = {
  WATER_DAMAGE: {
    source: 'NEIGHBOUR',
    leakStopped: true,
    thirdPartyInvolved: true,
    thirdPartyName: '  M. Durand, 3e étage ',
    thirdPartyInsurer: 'Mutuelle du Nord',
    jointReport: true,
    jointReportDate: '2027-03-12',
  },
  FIRE: { fireBrigadeCalled: true, origin: 'ARSON', complaintFiled: true, homeHabitable: false, rehousingNeeded: true },
  THEFT: {
    policeReportReference: ' PV 2027/000123 ',
    policeReportDate: '2027-03-10',
    entry: 'BREAK_IN_DOOR',
    items: [
      { description: ' Ordinateur portable ', valueCents: 120_000, proof: true },
      { description: 'Bague en or', valueCents: 45_000 },
    ],
  },
  GLASS_BREAKAGE: { element: 'OTHER', otherElement: 'Paroi de douche', damage: 'CRACK', quoteCents: 35_000 },
  STORM: {
    phenomenon: 'HAIL',
    damagedParts: ['OTHER', 'ROOF'],
    otherDamage: 'Panneaux solaires',
    homeHabitable: false,
    rehousingNeeded: false,
  },
  NATURAL_DISASTER: {
    decreeReference: 'Arrêté du 15 mars 2027, NOR INTE2707001A',
    decreePublishedOn: '2027-03-18',
    eventKind: 'FLOOD',
    homeHabitable: false,
    rehousingNeeded: true,
  },
};
