// How the protection level moved: the score day by day (`securityScoreHistory`) as a small curve, with the same in
// words for screen readers and a table of the days it changed.
import { date } from '../format.ts';

export interface ScorePoint {
  day: string;
  score: number;
}

const WIDTH = 320;
const HEIGHT = 80;

/** The days the score changed (and the first), newest first. */
function changes(points: readonly ScorePoint[]): ScorePoint[] {
  return points.filter((p, i) => i === 0 || p.score !== points[i - 1]!.score).reverse();
}

export function ScoreHistory({ points }: { points: readonly ScorePoint[] }) {
  if (points.length === 0) return null;
  const first = points[0]!;
  const last = points.at(-1)!;
  const start = new Date(`${first.day}T00:00:00Z`).getTime();
  const span = Math.max(new Date(`${last.day}T00:00:00Z`).getTime() - start, 1);
  const x = (p: ScorePoint) =>
    points.length === 1 ? WIDTH : ((new Date(`${p.day}T00:00:00Z`).getTime() - start) / span) * WIDTH;
  const y = (p: ScorePoint) => HEIGHT - (p.score / 100) * HEIGHT;
  const summary =
    points.length === 1
      ? `Niveau de protection le ${date(last.day)}\u00a0: ${last.score}\u00a0/\u00a0100.`
      : `Niveau de protection passé de ${first.score}\u00a0/\u00a0100 le ${date(first.day)} à ${last.score}\u00a0/\u00a0100 le ${date(last.day)}.`;
  return (
    <div className="stack">
      <h3>Évolution de votre niveau de protection</h3>
      <svg
        className="score-history"
        viewBox={`-4 -4 ${WIDTH + 8} ${HEIGHT + 8}`}
        width="100%"
        height={HEIGHT + 8}
        role="img"
        aria-label={summary}
        preserveAspectRatio="none"
      >
        <line x1={0} y1={HEIGHT} x2={WIDTH} y2={HEIGHT} stroke="currentColor" strokeOpacity={0.3} />
        <polyline
          fill="none"
          stroke="currentColor"
          strokeWidth={2}
          points={points.map((p) => `${x(p)},${y(p)}`).join(' ')}
        />
        {points.map((p) => (
          <circle key={p.day} cx={x(p)} cy={y(p)} r={3} fill="currentColor" />
        ))}
      </svg>
      <p className="muted note">{summary}</p>
      <details>
        <summary>Voir les changements jour par jour</summary>
        <table aria-label="Niveau de protection jour par jour">
          <thead>
            <tr>
              <th scope="col">Jour</th>
              <th scope="col">Niveau</th>
            </tr>
          </thead>
          <tbody>
            {changes(points).map((p) => (
              <tr key={p.day}>
                <td>{date(p.day)}</td>
                <td>{p.score}&nbsp;/&nbsp;100</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
