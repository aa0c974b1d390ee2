/** What the ranking leaves out (free, variable-price, unable to serve), and the selected model's standing. */
import { formatCount } from '../../lib/format/format.ts';
import { modelPath } from '../../lib/format/slug.ts';
import { offerKey, type OfferRanking } from '../../lib/calculator/offer-ranking.ts';
import { highlightText } from '../../lib/calculator/ranking-text.ts';

export function Highlight({ ranking, id, onClear }: { ranking: OfferRanking; id: string; onClear: () => void }) {
  if (!id) return null;
  return (
    <div className="calc-highlight" data-testid="calc-highlight">
      <p>
        <strong>Selected model.</strong> {highlightText(ranking, id)}
      </p>
      <button type="button" className="secondary" onClick={onClear}>
        Clear selection
      </button>
    </div>
  );
}

interface Listed {
  model: { id: string; slug: string; displayName: string };
  offer: { modelId: string; providerId: string };
  providerName: string;
}

function OfferItem({ item, detail }: { item: Listed; detail?: string }) {
  return (
    <li data-model-id={item.model.id} data-provider-id={item.offer.providerId}>
      <a href={modelPath(item.model.slug)}>{item.model.displayName}</a> at {item.providerName}
      {detail ? `: ${detail}` : ''}
    </li>
  );
}

export default function OtherOffers({ ranking }: { ranking: OfferRanking }) {
  return (
    <div className="calc-others">
      <details>
        <summary>Free offers that serve this workload ({formatCount(ranking.free.length)})</summary>
        <p className="muted">No charge at the listed prices; free offers usually come with rate limits.</p>
        <ul data-testid="calc-free">
          {ranking.free.map((r) => (
            <OfferItem key={offerKey(r.offer)} item={r} />
          ))}
        </ul>
      </details>
      <details>
        <summary>Variable-price offers ({formatCount(ranking.variable.length)})</summary>
        <p className="muted">Routers bill the price of whichever model they pick, so no cost can be stated in advance.</p>
        <ul data-testid="calc-variable">
          {ranking.variable.map((r) => (
            <OfferItem key={offerKey(r.offer)} item={r} detail={r.reason} />
          ))}
        </ul>
      </details>
      <details open={ranking.cannotServe.length > 0 && ranking.cannotServe.length <= 20}>
        <summary>Offers that cannot serve this workload ({formatCount(ranking.cannotServe.length)})</summary>
        <ul data-testid="calc-cannot">
          {ranking.cannotServe.map((r) => (
            <OfferItem key={offerKey(r.offer)} item={r} detail={r.reasons.join('; ')} />
          ))}
        </ul>
      </details>
    </div>
  );
}
