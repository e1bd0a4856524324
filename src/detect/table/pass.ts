import type { ScanContext } from '../candidate.js';
import { membersPass, newMemberPassState, type MemberPassState } from './members.js';
import type { TablePlan } from './plan.js';
import { newRowPassState, rowsPass, type RowPassState } from './rows.js';

/** The structured-text detector: delimited rows (rows.ts) and record members (members.ts). */
export interface TablePassState {
  rows: RowPassState;
  members: MemberPassState;
}

export const newTablePassState = (): TablePassState => ({ rows: newRowPassState(), members: newMemberPassState() });

export function tablePass(ctx: ScanContext, tp: TablePlan, st: TablePassState, limit: number): void {
  rowsPass(ctx, tp, st.rows, limit);
  membersPass(ctx, tp, st.members, limit);
}
