// What a priced change of the contract shows wherever it is offered (a cover change, a move after a new address):
// current against new premium, the difference over a year and what is due or refunded for the rest of the period;
// once accepted, the avenant to download.
import { download } from '../documents/download.ts';
import { money, signedMoney } from '../format.ts';

type Amount = { amountCents: number; currency: string };
export interface PricedChange {
  currentAnnualPremium: Amount;
  newAnnualPremium: Amount;
  annualDifference: Amount;
  proRata: Amount;
}

export function QuoteFigures({ quote, testId }: { quote: PricedChange; testId: string }) {
  return (
    <dl className="figures" data-testid={testId}>
      <div>
        <dt>Cotisation annuelle actuelle</dt>
        <dd>{money(quote.currentAnnualPremium)}</dd>
      </div>
      <div>
        <dt>Nouvelle cotisation annuelle</dt>
        <dd>{money(quote.newAnnualPremium)}</dd>
      </div>
      <div>
        <dt>Écart sur un an</dt>
        <dd>{signedMoney(quote.annualDifference)}</dd>
      </div>
      <div>
        <dt>{quote.proRata.amountCents < 0 ? 'Remboursé' : 'À régler'} pour la période en cours (au prorata)</dt>
        <dd>{money({ ...quote.proRata, amountCents: Math.abs(quote.proRata.amountCents) })}</dd>
      </div>
    </dl>
  );
}

/** « Télécharger l’avenant »: the signed-link download; `failed` says when it could not start. */
export function AvenantLink({
  downloadUrl,
  failed,
}: {
  downloadUrl: string;
  failed: (message: string | null) => void;
}) {
  return (
    <a
      href={downloadUrl}
      onClick={(e) => {
        e.preventDefault();
        void download(downloadUrl).then((ok) =>
          failed(ok ? null : 'Le téléchargement n’a pas pu commencer. Réessayez dans un instant.'),
        );
      }}
    >
      Télécharger l’avenant
    </a>
  );
}
