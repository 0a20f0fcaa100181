/** Text with the words a search found emphasised (`<mark>`): built as elements, so whatever the text holds is shown, never run. */
import type { Segment } from '@/lib/library/excerpt';

export function Emphasised({ segments }: { segments: readonly Segment[] }) {
  return <>{segments.map((s, i) => (s.found ? <mark key={i} class="found">{s.text}</mark> : s.text))}</>;
}
