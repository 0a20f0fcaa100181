/**
 * Bookkeeping for the multi-device property test: every edit a device made (with the stamp
 * the library gave it), and the oracle the converged state must satisfy. The oracle follows
 * the merge rules, not the implementation: per field the edit with the greatest stamp wins
 * (the tombstone is such a field, but an edit after it shows the highlight again); a note
 * text is never dropped unless a device that showed it wrote over it.
 */
import { expect } from 'vitest';
import type { HighlightRecord } from '@/lib/contracts/records';
import type { Device } from './devices';

export interface EditEvent {
  id: string;
  field: string;
  value: unknown;
  stamp: string;
  /** For notes: the stamp of the note this device showed when the edit was made. */
  replaced?: string;
}

export class EditLog {
  readonly events: EditEvent[] = [];

  /** Records the fields whose stamps moved between `before` and `after` (one library write). */
  record(before: HighlightRecord | undefined, after: HighlightRecord): void {
    for (const [field, stamp] of Object.entries(after.clocks)) {
      if (before && before.clocks[field] === stamp) continue;
      const value = (after as unknown as Record<string, unknown>)[field];
      this.events.push({ id: after.id, field, value, stamp, ...(field === 'note' && before ? { replaced: before.clocks.note } : {}) });
    }
  }

  /** Checks one converged device against every edit made anywhere. */
  async check(device: Device): Promise<void> {
    const ids = [...new Set(this.events.map((e) => e.id))];
    for (const id of ids) {
      const record = await device.db.highlights.get(id);
      expect(record, `highlight ${id} on ${device.name}`).toBeDefined();
      const mine = this.events.filter((e) => e.id === id);
      for (const field of ['colour', 'tags', 'note']) {
        const latest = latestOf(mine.filter((e) => e.field === field));
        if (latest) expect((record as unknown as Record<string, unknown>)[field], `${field} of ${id}`).toEqual(latest.value);
      }
      expect(record!.deleted, `deleted of ${id}`).toBe(expectedDeleted(mine));
      await this.checkNoteVersions(device, id, mine.filter((e) => e.field === 'note'));
    }
  }

  /** Every note text is shown, kept as a conflict copy, or was knowingly written over. */
  private async checkNoteVersions(device: Device, id: string, notes: EditEvent[]): Promise<void> {
    const versions = (await device.db.syncRecords.get(`highlight:${id}`))?.texts.note?.versions ?? [];
    const kept = new Set(versions.map((v) => v.c));
    const replaced = new Set(notes.map((e) => e.replaced));
    for (const edit of notes) {
      if (replaced.has(edit.stamp)) continue;
      expect(kept.has(edit.stamp), `note "${String(edit.value)}" (${edit.stamp}) of ${id} kept`).toBe(true);
    }
  }
}

function latestOf(events: EditEvent[]): EditEvent | undefined {
  return events.reduce<EditEvent | undefined>((best, e) => (!best || e.stamp > best.stamp ? e : best), undefined);
}

/**
 * Deleted when the latest delete/undelete is a delete and no edit came after it: a highlight
 * edited after its deletion is shown again, with the edit, for the reader to settle.
 */
function expectedDeleted(events: EditEvent[]): boolean {
  const deletion = latestOf(events.filter((e) => e.field === 'deleted'));
  if (deletion?.value !== true) return false;
  return !events.some((e) => ['colour', 'tags', 'note'].includes(e.field) && e.stamp > deletion.stamp);
}

/** What a device's library looks like to compare devices: records plus kept note versions. */
export async function snapshot(device: Device): Promise<unknown> {
  const highlights = await device.db.highlights.orderBy('id').toArray();
  const notes = await device.db.syncRecords.orderBy('key').toArray();
  return {
    highlights,
    articles: await device.db.articles.orderBy('id').toArray(),
    notes: notes.map((n) => ({ key: n.key, texts: n.texts })),
  };
}
