// Help centre: phones and tablets. For each kind of device: photos for a claim (the attachment rules of the claims
// subgraph: JPEG, PNG, WebP, HEIC or PDF, 5 Mo each), the authenticator app, a lost device, reading comfort, and
// the attestation's QR code.
import type { HelpArticle } from '../help-articles.ts';

type Topic = 'photos-sinistre' | 'authentification' | 'appareil-perdu' | 'affichage' | 'qr-code';

interface Device {
  slug: string;
  name: string;
  /** « votre iPhone », « votre tablette Android ». */
  your: string;
  steps: Record<Topic, readonly string[]>;
}

const TITLES: Record<Topic, (d: Device) => string> = {
  'photos-sinistre': (d) => `Envoyer les photos d’un sinistre depuis ${d.your}`,
  authentification: (d) => `Utiliser ${d.your} pour la vérification en deux étapes`,
  'appareil-perdu': (d) => `${d.name} perdu ou volé : protéger votre espace client`,
  affichage: (d) => `Lire confortablement l’espace client sur ${d.your}`,
  'qr-code': (d) => `Scanner le QR code d’une attestation avec ${d.your}`,
};

const KEYWORDS: Record<Topic, readonly string[]> = {
  'photos-sinistre': ['photos', 'pièces jointes', 'justificatifs', 'sinistre'],
  authentification: ['authentification', 'code', 'application', 'sécurité'],
  'appareil-perdu': ['perdu', 'volé', 'déconnecter', 'sécurité'],
  affichage: ['taille du texte', 'zoom', 'lecteur d’écran', 'accessibilité'],
  'qr-code': ['qr code', 'attestation', 'vérifier', 'appareil photo'],
};

const COMMON: Record<Topic, readonly string[]> = {
  'photos-sinistre': [
    'Dans « Déclarer un sinistre », la rubrique des photos et documents accepte les photos JPEG, PNG, WebP et HEIC ainsi que les PDF, jusqu’à 5 Mo chacune.',
    'Vous pouvez aussi en ajouter plus tard depuis le sinistre, dans « Mes sinistres », rubrique « Pièces jointes ».',
  ],
  authentification: [
    'La vérification en deux étapes demande, après le mot de passe, un code à 6 chiffres donné par une application d’authentification.',
    'Activez-la dans « Mon compte et sécurité › Sécurité du compte » et gardez vos codes de secours hors de l’appareil.',
  ],
  'appareil-perdu': [
    'Depuis un autre appareil, ouvrez « Mon compte et sécurité › Appareils connectés » et touchez « Déconnecter cet appareil » pour celui que vous avez perdu.',
    'Changez ensuite votre mot de passe : toutes les autres sessions sont fermées.',
    'Si la vérification en deux étapes était sur cet appareil, connectez-vous avec un de vos codes de secours puis activez-la de nouveau sur le nouvel appareil.',
  ],
  affichage: [
    'L’espace client s’adapte aux petits écrans et reste lisible quand vous agrandissez le texte.',
    'Chaque écran est vérifié selon les règles d’accessibilité WCAG 2.1 AA, lecteur d’écran compris.',
  ],
  'qr-code': [
    'Le QR code de l’attestation ouvre la page « Vérifier une attestation d’assurance », qui dit si elle est valide aujourd’hui.',
    'Cette page ne demande aucun compte : un bailleur ou une agence peut l’utiliser.',
  ],
};

const DEVICES: readonly Device[] = [
  {
    slug: 'iphone',
    name: 'iPhone',
    your: 'votre iPhone',
    steps: {
      'photos-sinistre': [
        'Touchez le champ des fichiers puis Photothèque ou Prendre une photo : les photos HEIC de l’iPhone sont acceptées telles quelles.',
      ],
      authentification: [
        'Installez une application d’authentification depuis l’App Store, comme Google Authenticator ou Microsoft Authenticator, ou utilisez les codes de vérification intégrés aux mots de passe d’iOS.',
      ],
      'appareil-perdu': ['Localiser permet aussi de verrouiller ou d’effacer l’iPhone à distance.'],
      affichage: [
        'Réglages, Accessibilité, Affichage et taille du texte agrandit le texte ; VoiceOver lit les écrans à voix haute.',
      ],
      'qr-code': ['Ouvrez l’appareil photo, visez le QR code et touchez le lien qui s’affiche.'],
    },
  },
  {
    slug: 'ipad',
    name: 'iPad',
    your: 'votre iPad',
    steps: {
      'photos-sinistre': [
        'Sur iPad, vous pouvez aussi glisser une photo depuis l’application Photos ouverte en Split View.',
      ],
      authentification: [
        'Une application d’authentification sur iPad convient, mais gardez-la plutôt sur le téléphone que vous avez toujours sur vous.',
      ],
      'appareil-perdu': ['Localiser permet de verrouiller ou d’effacer l’iPad à distance.'],
      affichage: [
        'Réglages, Accessibilité, Affichage et taille du texte agrandit le texte ; en mode paysage, l’espace client utilise la largeur de l’écran.',
      ],
      'qr-code': ['Ouvrez l’appareil photo, visez le QR code et touchez le lien qui s’affiche.'],
    },
  },
  {
    slug: 'telephone-android',
    name: 'Téléphone Android',
    your: 'votre téléphone Android',
    steps: {
      'photos-sinistre': [
        'Touchez le champ des fichiers puis Appareil photo ou Fichiers ; si une photo dépasse 5 Mo, réduisez sa taille dans les réglages de l’appareil photo.',
      ],
      authentification: [
        'Installez une application d’authentification depuis Google Play, comme Google Authenticator ou Microsoft Authenticator.',
      ],
      'appareil-perdu': ['Localiser mon appareil de Google permet de le verrouiller ou de l’effacer à distance.'],
      affichage: [
        'Paramètres, Accessibilité, taille de police et zoom agrandit le texte ; TalkBack lit les écrans à voix haute.',
      ],
      'qr-code': ['Ouvrez l’appareil photo ou Google Lens, visez le QR code et touchez le lien qui s’affiche.'],
    },
  },
  {
    slug: 'tablette-android',
    name: 'Tablette Android',
    your: 'votre tablette Android',
    steps: {
      'photos-sinistre': [
        'Les photos prises avec la tablette ou copiées depuis un téléphone s’ajoutent depuis l’application Fichiers.',
      ],
      authentification: [
        'Une application d’authentification sur la tablette convient ; gardez vos codes de secours ailleurs que sur celle-ci.',
      ],
      'appareil-perdu': ['Localiser mon appareil de Google permet de la verrouiller ou de l’effacer à distance.'],
      affichage: [
        'Paramètres, Accessibilité agrandit le texte ; l’espace client s’adapte au mode portrait comme au mode paysage.',
      ],
      'qr-code': ['Ouvrez l’appareil photo ou Google Lens, visez le QR code et touchez le lien qui s’affiche.'],
    },
  },
];

export const DEVICE_ARTICLES: readonly HelpArticle[] = DEVICES.flatMap((d) =>
  (Object.keys(TITLES) as Topic[]).map((topic) => ({
    slug: `${d.slug}-${topic}`,
    title: TITLES[topic](d),
    body: [...COMMON[topic], ...d.steps[topic]],
    family: `appareil-${topic}`,
    keywords: [d.slug, ...KEYWORDS[topic]],
  })),
);
