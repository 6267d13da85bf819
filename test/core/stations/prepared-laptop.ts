/** A coordinator and an interviewer's laptop prepared from its session file, for the bundle tests. */
import { addUserAndLogin, ok, setupBase } from '../../helpers/core';
import { addApplicants } from '../scores/fixtures';

/**
 * The coordinator's base with `applicants` generated applicants in one interview session (内科组, drawn with
 * `seed`) for iv1, and a laptop that imported iv1's session file (`sessionFile`), ready to score.
 */
export async function preparedLaptop(applicants: number, seed: number) {
  const co = await setupBase('jilin-2024', '吉林大学第一医院');
  await addApplicants(co.core, applicants);
  await addUserAndLogin(co.core, co.session, 'iv1', 'interviewer');
  const session = await ok(co.core, co.session, 'interview.createSession', {
    name: '内科组',
    date: '2024-07-10',
    site: '教学楼',
    panel: [{ username: 'iv1', head: true }],
    candidates: (await co.core.db.selectFrom('applicants').select('id').execute()).map((a) => a.id),
    seed,
  });
  const sessionFile = await ok(co.core, co.session, 'stations.exportSession', { sessionId: session.id, interviewer: 'iv1' });
  const lap = await setupBase('jilin-2024', '面试官笔记本');
  await ok(lap.core, lap.session, 'stations.import', sessionFile);
  return { co, lap, sessionId: session.id, sessionFile };
}
