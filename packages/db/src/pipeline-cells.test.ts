import { describe, expect, it } from 'vitest';
import { pipelineDelta } from './pipeline-cells.js';

const p = { status: 'published' as const, oblastSoate: '41704000000000', sector: 'water' as const, beneficiaries: 100, jobs: 2 };

describe('pipeline cells', () => {
  it('count a new project once under its state', () => {
    expect(pipelineDelta(undefined, p)).toEqual(
      new Map([
        [
          '41704000000000#water',
          new Map([
            ['n.published', 1],
            ['b.published', 100],
            ['j.published', 2],
          ]),
        ],
      ]),
    );
  });

  it('move a project between states in one cell, merged (one action per item), zeros left out', () => {
    expect(pipelineDelta(p, { ...p, status: 'funded' })).toEqual(
      new Map([
        [
          '41704000000000#water',
          new Map([
            ['n.funded', 1],
            ['b.funded', 100],
            ['j.funded', 2],
            ['n.published', -1],
            ['b.published', -100],
            ['j.published', -2],
          ]),
        ],
      ]),
    );
    expect(pipelineDelta(p, { ...p, jobs: 5 })).toEqual(new Map([['41704000000000#water', new Map([['j.published', 3]])]]));
  });

  it('move a project to another oblast: two cells; a save that changes none of the counted fields adds nothing', () => {
    const moved = pipelineDelta(p, { ...p, oblastSoate: '41702000000000' });
    expect([...moved.keys()].sort()).toEqual(['41702000000000#water', '41704000000000#water']);
    expect(moved.get('41704000000000#water')!.get('n.published')).toBe(-1);
    expect(pipelineDelta(p, { ...p })).toEqual(new Map());
  });
});
