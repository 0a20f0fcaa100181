// @vitest-environment node
/**
 * The import rules the layout stands on, checked over the source's import graph
 * (scripts/import-graph.ts, which also prints it): lib/contracts is the ground floor, imports
 * run one way (contracts <- lib <- components <- entrypoints), and nothing imports itself round
 * a loop, neither a file nor a folder of lib/.
 */
import { describe, expect, it } from 'vitest';
import { cycles, fileCycles, folderCycles, readGraph, upwardImports } from '../../../scripts/import-graph';

const graph = readGraph();

describe('import rules', () => {
  it('reads the graph', () => {
    expect(graph.files.length).toBeGreaterThan(100);
    expect(graph.imports.get('lib/sync/status-item.ts')).toContain('lib/contracts/storage.ts');
  });

  it('lib/contracts imports only itself; lib/ never imports components/ or entrypoints/; components/ never import entrypoints/', () => {
    expect(upwardImports(graph)).toEqual([]);
  });

  it('no folder of lib/ imports itself round a loop', () => {
    expect(folderCycles(graph)).toEqual([]);
  });

  it('no file imports itself round a loop', () => {
    expect(fileCycles(graph)).toEqual([]);
  });

  it('finds a loop where there is one', () => {
    const edges: Record<string, string[]> = { a: ['b'], b: ['c'], c: ['a', 'd'], d: [] };
    expect(cycles(Object.keys(edges), (node) => edges[node]!)).toEqual([['a', 'b', 'c']]);
  });
});
