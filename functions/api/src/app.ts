import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from './composition.js';
import { buildApp } from './app-core.js';
import type { ApiEnv } from './env.js';
import { auditRoutes } from './routes/audit.js';
import { refundRoutes } from './routes/refunds.js';
import { authRoutes } from './routes/auth.js';
import { devRoutes } from './routes/dev.js';
import { docsRoutes } from './routes/docs.js';
import { ledgerRoutes } from './routes/ledger.js';
import { meRoutes } from './routes/me.js';
import { followRoutes } from './routes/follows.js';
import { myNotificationRoutes, unsubscribeRoutes } from './routes/notifications.js';
import { invitationRoutes, organisationRoutes, staffOrganisationRoutes } from './routes/organisations.js';
import { healthRoutes } from './routes/health.js';
import { projectRoutes } from './routes/projects.js';
import { organisationProjectRoutes, proposalRoutes, staffProjectRoutes } from './routes/proposals.js';
import { uploadRoutes } from './routes/uploads.js';
import { statsRoutes } from './routes/stats.js';
import { myPledgeRoutes, pledgeReadAhead, pledgeRoutes, projectPledgeRoutes } from './routes/pledges.js';
import { programmeRoutes, rateRoutes, receiptRoutes, statementRoutes } from './routes/money-staff.js';
import { cardCheckoutRoutes, paymentOptionRoutes, stripeWebhookRoutes } from './routes/card-payments.js';
import { paymentDetailRoutes, receivingAccountRoutes } from './routes/receiving-accounts.js';
import { territoryRoutes } from './routes/territories.js';
import { demandRoutes } from './routes/demand.js';
import { clubPledgeRoutes, clubRoutes, myClubRoutes, projectClubRoutes } from './routes/clubs.js';
import { myRecommendationRoutes, recommendationRoutes } from './routes/matching.js';
import { projectQuestionRoutes, questionRoutes } from './routes/questions.js';
import { lateReportRoutes, projectReportRoutes, staffCofundingRoutes } from './routes/reports.js';
import { dashboardRoutes } from './routes/dashboard.js';

/**
 * The one Hono app with every route: mounted by server.ts (Node, locally), tests (app.request()) and, for
 * /v1/openapi.json only, the Lambda entry (which otherwise loads one resource per request: lazy-app.ts). Its
 * middleware and document are app-core.ts buildApp's.
 * @example const app = createApp(composeFromEnv()); await app.request('/v1/health');
 */
export function createApp(deps: Deps) {
  return buildApp(deps, [{ mount: mountResources, readAhead: pledgeReadAhead }], { document: true });
}

/**
 * Each resource a sub-app at its own prefix (Hono's "Grouping routes"), paths inside relative to it. A resource
 * whose operations belong to several use-case families (projects: discovery, proposals, uploads, pledges) takes
 * one sub-app per family at the same prefix, so each routes file keeps one job.
 */
function mountResources(app: OpenAPIHono<ApiEnv>, deps: Deps) {
  app.route('/health', healthRoutes(deps));
  app.route('/auth', authRoutes(deps));
  app.route('/me', meRoutes(deps));
  app.route('/me', myPledgeRoutes(deps));
  app.route('/me', myRecommendationRoutes(deps));
  app.route('/me', followRoutes(deps));
  app.route('/me', myNotificationRoutes(deps));
  app.route('/unsubscribe', unsubscribeRoutes(deps));
  app.route('/recommendations', recommendationRoutes(deps));
  app.route('/organisations', organisationRoutes(deps));
  app.route('/organisations', organisationProjectRoutes(deps));
  app.route('/invitations', invitationRoutes(deps));
  app.route('/audit', auditRoutes(deps));
  // Only where composition wired a dev outbox (the local stack): it hands out every code and token.
  if (deps.outbox) app.route('/dev', devRoutes(deps.outbox));
  app.route('/territories', territoryRoutes());
  app.route('/stats', statsRoutes(deps));
  app.route('/demand', demandRoutes(deps));
  app.route('/projects', projectRoutes(deps));
  app.route('/projects', proposalRoutes(deps));
  app.route('/projects', uploadRoutes(deps));
  app.route('/projects', ledgerRoutes(deps));
  app.route('/projects', projectPledgeRoutes(deps));
  app.route('/projects', projectQuestionRoutes(deps));
  app.route('/questions', questionRoutes(deps));
  app.route('/projects', projectReportRoutes(deps));
  app.route('/projects', projectClubRoutes(deps));
  app.route('/clubs', clubRoutes(deps));
  app.route('/club-pledges', clubPledgeRoutes(deps));
  app.route('/me', myClubRoutes(deps));
  app.route('/pledges', pledgeRoutes(deps));
  app.route('/pledges', receiptRoutes(deps));
  app.route('/pledges', cardCheckoutRoutes(deps));
  app.route('/pledges', paymentDetailRoutes(deps));
  app.route('/payments', paymentOptionRoutes(deps));
  app.route('/webhooks', stripeWebhookRoutes(deps));
  app.route('/rates', rateRoutes(deps));
  app.route('/programmes', programmeRoutes(deps));
  app.route('/staff/projects', staffProjectRoutes(deps));
  app.route('/staff/projects', staffCofundingRoutes(deps));
  app.route('/staff', lateReportRoutes(deps));
  app.route('/staff', dashboardRoutes(deps));
  app.route('/staff/organisations', staffOrganisationRoutes(deps));
  app.route('/staff/statements', statementRoutes(deps));
  app.route('/staff/receiving-accounts', receivingAccountRoutes(deps));
  app.route('/staff/refunds', refundRoutes(deps));
  app.route('/docs', docsRoutes());
}
