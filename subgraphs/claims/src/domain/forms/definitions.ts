// The questions asked for each type of claim. What happened in the customer's own words is the declaration's
// description field, so no form asks for it again. Question ids are stable API: rename a label freely, never an id.

import { DECLARATION_DEADLINES } from '../deadlines.ts';
import { type ChoiceOption, type ClaimForm, ClaimType, QuestionKind as K, type Question } from './types.ts';

/** `{ CODE: 'Libellé' }` → options, in writing order. */
const options = (labels: Record<string, string>): ChoiceOption[] =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

const deadlines = (type: ClaimType) => {
  const rule = DECLARATION_DEADLINES[type];
  return {
    declarationDeadlineWorkingDays: rule.workingDays,
    ...(rule.daysAfterDecree === undefined ? {} : { declarationDeadlineDaysAfterDecree: rule.daysAfterDecree }),
  };
};

// Asked after fire, storm and natural disaster: an uninhabitable home calls for rehousing, which the adjuster must
// arrange first.
const habitability: Question[] = [
  { id: 'homeHabitable', label: 'Votre logement est-il encore habitable ?', kind: K.BOOLEAN, required: true },
  {
    id: 'rehousingNeeded',
    label: 'Avez-vous besoin d’être relogé ?',
    help: 'Nous pouvons organiser un hébergement temporaire selon les garanties de votre contrat.',
    kind: K.BOOLEAN,
    required: true,
    showWhen: { questionId: 'homeHabitable', equals: false },
  },
];

export const WATER_DAMAGE_FORM: ClaimForm = {
  type: ClaimType.WATER_DAMAGE,
  title: 'Dégât des eaux',
  ...deadlines(ClaimType.WATER_DAMAGE),
  questions: [
    {
      id: 'source',
      label: 'D’où vient l’eau ?',
      kind: K.CHOICE,
      required: true,
      options: options({
        OWN_HOME: 'De chez moi (canalisation, robinet, joint, débordement)',
        NEIGHBOUR: 'D’un logement voisin',
        COMMON_PARTS: 'Des parties communes de l’immeuble (colonne, descente d’eau)',
        ROOF: 'Du toit, d’une façade ou d’une infiltration',
        APPLIANCE: 'D’un appareil (lave-linge, lave-vaisselle, chauffe-eau)',
        UNKNOWN: 'Je ne sais pas',
      }),
    },
    {
      id: 'leakStopped',
      label: 'La fuite est-elle arrêtée ?',
      help: 'Si ce n’est pas le cas, coupez l’arrivée d’eau si vous le pouvez pour limiter les dégâts.',
      kind: K.BOOLEAN,
      required: true,
    },
    {
      id: 'thirdPartyInvolved',
      label: 'Un tiers est-il concerné (voisin, propriétaire, syndic) ?',
      help: 'Par exemple si l’eau vient de chez lui ou a aussi abîmé son logement.',
      kind: K.BOOLEAN,
      required: true,
    },
    {
      id: 'thirdPartyName',
      label: 'Nom du tiers concerné',
      kind: K.TEXT,
      required: true,
      maxLength: 200,
      showWhen: { questionId: 'thirdPartyInvolved', equals: true },
    },
    {
      id: 'thirdPartyInsurer',
      label: 'Son assureur, si vous le connaissez',
      kind: K.TEXT,
      required: false,
      maxLength: 200,
      showWhen: { questionId: 'thirdPartyInvolved', equals: true },
    },
    {
      id: 'jointReport',
      label: 'Avez-vous rempli avec lui un constat amiable dégât des eaux ?',
      help: 'Le constat amiable permet aux assureurs d’appliquer la convention IRSI et d’accélérer l’indemnisation.',
      kind: K.BOOLEAN,
      required: true,
      showWhen: { questionId: 'thirdPartyInvolved', equals: true },
    },
    {
      id: 'jointReportDate',
      label: 'Date du constat amiable',
      kind: K.DATE,
      required: true,
      notBeforeOccurrence: true,
      showWhen: { questionId: 'jointReport', equals: true },
    },
  ],
};

export const FIRE_FORM: ClaimForm = {
  type: ClaimType.FIRE,
  title: 'Incendie',
  ...deadlines(ClaimType.FIRE),
  questions: [
    { id: 'fireBrigadeCalled', label: 'Les pompiers sont-ils intervenus ?', kind: K.BOOLEAN, required: true },
    {
      id: 'origin',
      label: 'Quelle est l’origine du feu ?',
      kind: K.CHOICE,
      required: true,
      options: options({
        ELECTRICAL: 'Installation électrique',
        COOKING: 'Cuisine (plaque, four, friteuse)',
        HEATING: 'Chauffage ou cheminée',
        APPLIANCE: 'Appareil électrique ou électroménager',
        CANDLE_OR_SMOKING: 'Bougie ou cigarette',
        LIGHTNING: 'Foudre',
        NEIGHBOUR: 'Feu venu d’un logement voisin',
        ARSON: 'Incendie volontaire',
        UNKNOWN: 'Inconnue',
      }),
    },
    {
      id: 'complaintFiled',
      label: 'Avez-vous porté plainte ?',
      help: 'Un incendie volontaire est une infraction : le récépissé de plainte vous sera demandé.',
      kind: K.BOOLEAN,
      required: true,
      showWhen: { questionId: 'origin', equals: 'ARSON' },
    },
    ...habitability,
  ],
};

export const THEFT_FORM: ClaimForm = {
  type: ClaimType.THEFT,
  title: 'Vol ou cambriolage',
  ...deadlines(ClaimType.THEFT),
  questions: [
    {
      id: 'policeReportReference',
      label: 'Référence du dépôt de plainte',
      help: 'Le numéro qui figure sur le récépissé remis par le commissariat ou la gendarmerie.',
      kind: K.TEXT,
      required: true,
      maxLength: 100,
    },
    {
      id: 'policeReportDate',
      label: 'Date du dépôt de plainte',
      kind: K.DATE,
      required: true,
      notBeforeOccurrence: true,
    },
    {
      id: 'entry',
      label: 'Comment le voleur est-il entré ?',
      kind: K.CHOICE,
      required: true,
      options: options({
        BREAK_IN_DOOR: 'En forçant une porte',
        BREAK_IN_WINDOW: 'En forçant ou brisant une fenêtre',
        CLIMBING: 'En escaladant (balcon, toit)',
        FALSE_KEYS: 'Avec de fausses clés ou des clés volées',
        TRICKERY: 'Par ruse (faux agent, faux technicien)',
        VIOLENCE_OR_THREAT: 'Avec violence ou menace envers un occupant',
        NO_SIGN_OF_ENTRY: 'Sans trace d’effraction',
      }),
    },
    {
      id: 'items',
      label: 'Objets volés',
      help: 'Pour chaque objet : une description, sa valeur et si vous avez un justificatif (facture, photo, certificat).',
      kind: K.ITEMS,
      required: true,
    },
  ],
};

export const GLASS_BREAKAGE_FORM: ClaimForm = {
  type: ClaimType.GLASS_BREAKAGE,
  title: 'Bris de glace',
  ...deadlines(ClaimType.GLASS_BREAKAGE),
  questions: [
    {
      id: 'element',
      label: 'Quel élément est endommagé ?',
      kind: K.CHOICE,
      required: true,
      options: options({
        WINDOW: 'Une fenêtre',
        BAY_WINDOW: 'Une baie vitrée',
        VERANDA: 'Une véranda',
        CERAMIC_HOB: 'Une plaque vitrocéramique ou à induction',
        OTHER: 'Un autre élément vitré',
      }),
    },
    {
      id: 'otherElement',
      label: 'Précisez l’élément endommagé',
      kind: K.TEXT,
      required: true,
      maxLength: 200,
      showWhen: { questionId: 'element', equals: 'OTHER' },
    },
    {
      id: 'damage',
      label: 'Le vitrage est-il cassé ou fêlé ?',
      kind: K.CHOICE,
      required: true,
      options: options({ BREAK: 'Cassé (bris)', CRACK: 'Fêlé (fissure)' }),
    },
    {
      id: 'quoteCents',
      label: 'Montant du devis de remplacement, si vous en avez un',
      kind: K.AMOUNT,
      required: false,
      min: 1,
    },
  ],
};

export const STORM_FORM: ClaimForm = {
  type: ClaimType.STORM,
  title: 'Tempête, grêle ou neige',
  ...deadlines(ClaimType.STORM),
  questions: [
    {
      id: 'phenomenon',
      label: 'Quel phénomène a causé les dégâts ?',
      kind: K.CHOICE,
      required: true,
      options: options({ WIND: 'Vent violent', HAIL: 'Grêle', SNOW: 'Poids de la neige' }),
    },
    {
      id: 'damagedParts',
      label: 'Qu’est-ce qui a été endommagé ?',
      help: 'Cochez tout ce qui s’applique.',
      kind: K.MULTI_CHOICE,
      required: true,
      options: options({
        ROOF: 'Toiture',
        FACADE: 'Façade',
        WINDOWS: 'Fenêtres, volets ou vitrages',
        FENCE: 'Clôture ou portail',
        OUTBUILDING: 'Dépendance (garage, abri de jardin)',
        INTERIOR: 'Intérieur du logement (infiltration)',
        OTHER: 'Autre',
      }),
    },
    {
      id: 'otherDamage',
      label: 'Précisez ce qui a été endommagé',
      kind: K.TEXT,
      required: true,
      maxLength: 200,
      showWhen: { questionId: 'damagedParts', equals: 'OTHER' },
    },
    ...habitability,
  ],
};

export const NATURAL_DISASTER_FORM: ClaimForm = {
  type: ClaimType.NATURAL_DISASTER,
  title: 'Catastrophe naturelle',
  ...deadlines(ClaimType.NATURAL_DISASTER),
  questions: [
    {
      id: 'decreeReference',
      label: 'Référence de l’arrêté de catastrophe naturelle',
      help: 'L’arrêté interministériel publié au Journal officiel qui reconnaît l’état de catastrophe naturelle dans votre commune : sa date ou son numéro NOR.',
      kind: K.TEXT,
      required: true,
      maxLength: 200,
    },
    {
      id: 'decreePublishedOn',
      label: 'Date de publication de l’arrêté au Journal officiel',
      help: 'Vous avez 30 jours à compter de cette date pour déclarer le sinistre.',
      kind: K.DATE,
      required: true,
      notBeforeOccurrence: true,
    },
    {
      id: 'eventKind',
      label: 'De quel événement s’agit-il ?',
      kind: K.CHOICE,
      required: true,
      options: options({
        FLOOD: 'Inondation ou coulée de boue',
        DROUGHT_SUBSIDENCE: 'Sécheresse : fissures dues au retrait et gonflement des argiles',
        LANDSLIDE: 'Glissement ou effondrement de terrain',
        COASTAL_FLOODING: 'Submersion marine',
        AVALANCHE: 'Avalanche',
        EARTHQUAKE: 'Séisme',
        OTHER: 'Autre',
      }),
    },
    ...habitability,
  ],
};
