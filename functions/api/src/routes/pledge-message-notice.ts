import type { PledgeView, Project } from '@mekendesh/contracts';
import { notifyPledgeMessage } from '@mekendesh/domain/pledge-messages';
import type { Deps } from '../composition.js';
import { log } from '../middleware/logger.js';

/**
 * After a pledge's commit, never inside it: a pledge carrying a message reaches the project's officers (`pledge_message`,
 * about `pledge-<id>`, so the same pledge notifies once). One function for both pledge routes, the plain pledge and a
 * club contribution (issue 12 review: messages on club contributions never reached the officers). `project`: the one
 * the pledge read ahead, when there was one. Never throws; a notice not sent is logged, the pledge stands.
 */
export async function noticeOfPledgeMessage(deps: Deps, pledge: PledgeView, project?: Project): Promise<void> {
  if (!pledge.message) return;
  const sent = await notifyPledgeMessage(
    { projects: deps.projects, notifier: deps.notifier, webOrigin: deps.questions.webOrigin },
    { pledge, project },
  );
  if (!sent) log('warn', 'pledge message notice not sent', { pledgeId: pledge.id });
}
