// The French copy of the payments subgraph, turned from outcome kinds: the one place its user-facing text is written
// (rejection explanations excepted: they are the SEPA reason-code table of domain/rejections.ts).
import type { NotRetryableReason } from '../app/arrears.ts';
import type { InvalidMethodReason } from '../app/methods.ts';
import type { UnreadableReason } from '../domain/sepa/returns.ts';

export const messages = {
  invalidMethod: {
    ibanInvalid: 'IBAN invalide : vérifiez sa longueur et ses chiffres.',
    holderNameLength: 'Indiquez le titulaire du compte (2 à 70 caractères).',
    cardTokenInvalid: 'Jeton de carte invalide.',
    cardLast4Invalid: 'Les 4 derniers chiffres sont attendus.',
    cardExpired: 'Carte expirée ou date invalide (MM/AA).',
    cardBrandUnknown: 'Réseau de carte inconnu.',
    ibanAlreadyRegistered: 'Ce compte bancaire est déjà enregistré dans un mandat actif : choisissez un autre IBAN.',
  } satisfies Record<InvalidMethodReason, string>,
  methodNotFound: 'Ce moyen de paiement est introuvable parmi les vôtres.',
  lastMethodWhilePremiumsDue:
    'Des échéances restent à payer : ajoutez un autre moyen de paiement avant de supprimer le dernier.',
  invalidDueDay: 'Le jour de prélèvement est un jour du 1er au 28 du mois.',
  invalidReasonCode: 'Code motif SEPA invalide : deux lettres et deux chiffres (AM04).',
  instalmentNotFound: 'Échéance introuvable.',
  instalmentNotCollectable: 'Cette échéance n’est ni prévue ni payée : aucun rejet à enregistrer.',
  arrearNotFound: 'Cet impayé est introuvable, ou déjà réglé.',
  scheduleNotFound: 'Aucun échéancier de ce contrat parmi les vôtres.',
  notRetryable: {
    rejectionReason: 'Le motif du rejet ne permet pas de représenter le prélèvement : payez par carte.',
    alreadyPlanned: 'Un nouveau prélèvement est déjà prévu pour cet impayé.',
  } satisfies Record<NotRetryableReason, string>,
  invalidRetryDate:
    'Choisissez une date entre demain et la veille de la suspension de garantie, sans autre prélèvement ce jour-là.',
  contractTerminated: 'Le contrat est résilié : cet impayé ne peut plus être réglé en ligne.',
  cardRefused: 'Votre carte a été refusée : l’impayé reste à régler. Essayez une autre carte ou un autre moyen.',
  nothingToCollect: 'Aucune échéance à prélever par mandat SEPA à cette date.',
  sepaNotConfigured:
    'Le prélèvement SEPA n’est pas configuré : renseignez l’identifiant créancier (ICS), l’IBAN et le BIC d’encaissement.',
  unreadableBankFile: {
    notXml: 'Ce fichier n’est pas un XML valide : rien n’a été enregistré.',
    unknownDocument: 'Ce fichier n’est ni un pain.002 ni un camt.054 : rien n’a été enregistré.',
    missingField: 'Il manque à ce fichier un identifiant ou un code motif : rien n’a été enregistré.',
    tooLarge: 'Ce fichier est trop volumineux pour un retour bancaire : rien n’a été enregistré.',
  } satisfies Record<UnreadableReason | 'tooLarge', string>,
} as const;
