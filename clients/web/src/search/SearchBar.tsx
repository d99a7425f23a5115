// The search bar over the customer's file and the help centre: in the header of every signed-in screen, and atop
// « Recherche et aide » (/aide?q=), where the results show.
import type { FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import './search.css';

/** The search form, in the header of every signed-in screen. */
export function SearchBar({ id }: { id: string }) {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = String(new FormData(event.currentTarget).get('q') ?? '').trim();
    if (q) navigate(`/aide?q=${encodeURIComponent(q)}`);
  }
  return (
    <search>
      <form className="search" onSubmit={submit}>
        <label htmlFor={id} className="visually-hidden">
          Rechercher dans mon espace et l’aide
        </label>
        <input
          id={id}
          name="q"
          type="search"
          key={params.get('q') ?? ''}
          defaultValue={params.get('q') ?? ''}
          placeholder="Rechercher (garantie, document, aide…)"
          maxLength={200}
        />
        <button type="submit" className="secondary">
          Rechercher
        </button>
      </form>
    </search>
  );
}
