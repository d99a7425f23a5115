// « Mes données »: what Abri keeps about the customer and why, their consents, a copy of their data, who at Abri
// looked at their file, remote assistance given and taken back, and erasure. Loaded on demand from « Mon compte ».
import { Link } from 'react-router';
import { Assistance } from '../privacy/Assistance.tsx';
import { Consents } from '../privacy/Consents.tsx';
import { DataExports } from '../privacy/DataExports.tsx';
import { Erasure } from '../privacy/Erasure.tsx';
import { Register } from '../privacy/Register.tsx';
import { StaffAccessLog } from '../privacy/StaffAccessLog.tsx';
import '../privacy/privacy.css';

const PARTS = [
  ['register-heading', 'Ce que nous conservons'],
  ['consents-heading', 'Vos consentements'],
  ['export-heading', 'Une copie de vos données'],
  ['access-heading', 'Qui a consulté mon dossier'],
  ['assistance-heading', 'Assistance à distance'],
  ['erasure-heading', 'Effacer mes données'],
] as const;

export function Privacy() {
  return (
    <div className="privacy">
      <p className="muted note">
        <Link to="/compte">Mon compte</Link> › Mes données
      </p>
      <h1 tabIndex={-1}>Mes données</h1>
      <p>
        Ce qu’Abri sait de vous, pourquoi et pour combien de temps, et vos droits exercés ici, sans courrier&nbsp;:
        copie, consentements, assistance et effacement. Pour corriger votre nom ou votre téléphone, allez dans{' '}
        <Link to="/compte">Mon compte</Link>.
      </p>
      <nav aria-label="Sur cette page" className="toc">
        <ul>
          {PARTS.map(([id, label]) => (
            <li key={id}>
              <a href={`#${id}`}>{label}</a>
            </li>
          ))}
        </ul>
      </nav>
      <Register />
      <Consents />
      <DataExports />
      <StaffAccessLog />
      <Assistance />
      <Erasure />
    </div>
  );
}
