import { describe, expect, it } from 'vitest';
import { previewQuorum } from './quorum';

const members = [
  { memberId: 'a', role: 'chair' as const },
  { memberId: 'b', role: 'member' as const },
  { memberId: 'c', role: 'member' as const },
  { memberId: 'd', role: 'secretary' as const },
  { memberId: 'e', role: 'member' as const },
];
const majority = { kind: 'majority' as const, minMembers: null, requiresChair: false };

describe('previewQuorum', () => {
  it('should need more than half of the members under a majority rule', () => {
    expect(previewQuorum(majority, members, new Set(['b', 'c']))).toMatchObject({ met: false, required: 3, presentCount: 2, memberCount: 5 });
    expect(previewQuorum(majority, members, new Set(['b', 'c', 'e']))).toMatchObject({ met: true, required: 3 });
  });

  it('should need the chair when the rule says so', () => {
    const rule = { ...majority, requiresChair: true };
    expect(previewQuorum(rule, members, new Set(['b', 'c', 'e']))).toMatchObject({ met: false, chairMissing: true });
    expect(previewQuorum(rule, members, new Set(['a', 'c', 'e']))).toMatchObject({ met: true, chairMissing: false });
  });

  it('should count a fixed minimum when the rule names one', () => {
    const rule = { kind: 'min_members' as const, minMembers: 2, requiresChair: false };
    expect(previewQuorum(rule, members, new Set(['b']))).toMatchObject({ met: false, required: 2 });
    expect(previewQuorum(rule, members, new Set(['b', 'd']))).toMatchObject({ met: true });
  });

  it('should need one member of a two-member council to be joined by the other', () => {
    expect(previewQuorum(majority, members.slice(0, 2), new Set(['a']))).toMatchObject({ met: false, required: 2 });
  });
});
