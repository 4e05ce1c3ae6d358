// A live preview of the quorum while the secretary ticks attendance. The server computes the real
// answer when attendance is saved and freezes it when the meeting is closed; this only mirrors its
// rule (council-rules.ts quorumOf) so the checklist can say at once whether enough are present.
import type { MemberRole, QuorumRule } from './types';

export interface QuorumPreview {
  met: boolean;
  required: number;
  presentCount: number;
  memberCount: number;
  chairMissing: boolean;
}

export function previewQuorum(rule: QuorumRule, members: { memberId: string; role: MemberRole }[], present: ReadonlySet<string>): QuorumPreview {
  const memberCount = members.length;
  const here = members.filter((m) => present.has(m.memberId));
  const required = rule.kind === 'min_members' ? (rule.minMembers ?? 1) : Math.floor(memberCount / 2) + 1;
  const chairMissing = rule.requiresChair && !here.some((m) => m.role === 'chair');
  return { met: here.length >= required && !chairMissing, required, presentCount: here.length, memberCount, chairMissing };
}
