import { monotonicFactory, ulid } from 'ulid';
import { createDb, type Db } from '@mekendesh/db/client';
import { DEFAULT_TABLE_NAME } from '@mekendesh/db/table';
import { DynamoOutbox } from '@mekendesh/db/outbox';
import { DynamoProjectRepository } from '@mekendesh/db/project-repository';
import { DynamoRateLimiter } from '@mekendesh/db/rate-limiter';
import { DynamoSessionStore } from '@mekendesh/db/session-store';
import { DynamoUserRepository } from '@mekendesh/db/user-repository';
import { dynamoHealthProbe } from '@mekendesh/db/health';
import { DynamoProgrammeStore } from '@mekendesh/db/programme-store';
import { DynamoRateStore } from '@mekendesh/db/rate-store';
import type { NamedSupporterReader } from '@mekendesh/domain/transparency';
import type { ProgrammeStatsSource } from '@mekendesh/domain/programme-stats';
import type { ClubDeps } from '@mekendesh/domain/club-ports';
import type { PledgeMessageReader } from '@mekendesh/domain/question-ports';
import type { QuestionDeps } from '@mekendesh/domain/questions';
import type { RefundsDueStore } from '@mekendesh/domain/refunds-due';
import type { DashboardDeps } from '@mekendesh/domain/staff-dashboard';
import { OBLASTS } from '@mekendesh/territories';
import type { ReportDeps } from '@mekendesh/domain/report-ports';
import { shiftedClock, systemClock, type ApiClock } from './clock.js';
import { lazyPort, type AsyncPort } from './lazy-port.js';
import type { ImageProcessor, ObjectStorage } from '@mekendesh/domain/project-ports';
import { CHECK_POLL_MS } from '@mekendesh/domain/image-marker';
import { CLUBS_PER_DAY, DEFAULT_RATE_LIMITS, type RateLimits } from '@mekendesh/domain/rate-limits';
import type { AccountDeps } from '@mekendesh/domain/accounts';
import type { MoneyDeps } from '@mekendesh/domain/money-deps';
import type { AuditLog, IdentityProvider, Mailer, TokenVerifier } from '@mekendesh/domain/account-ports';
import type { LedgerReader } from '@mekendesh/domain/public-ledger';
import type { HealthProbe, ProjectRepository } from '@mekendesh/domain/ports';
import type { OrganisationDeps } from '@mekendesh/domain/organisations';
import type { ProjectDeps } from '@mekendesh/domain/project-ports';
import type { DemandDeps } from '@mekendesh/domain/demand-read';
import { territoryRules } from '@mekendesh/domain/territory-rules';
import type { CardDeps } from '@mekendesh/domain/card-checkout';
import type { CardPayments } from '@mekendesh/domain/card-payments';
import type { PaymentDeps, ProgrammeOffice, MailDelivery } from '@mekendesh/domain/receiving-accounts';
import type { MatchDeps } from '@mekendesh/domain/matching-recommend';
import type { Notifier } from '@mekendesh/domain/notification-ports';
import type { FollowDeps, FollowNames, FollowStore } from '@mekendesh/domain/follows';
import { unsubscribeKey } from '@mekendesh/domain/unsubscribe';
import { twoStepKey } from '@mekendesh/domain/two-step-tokens';
import { uploadProofKey } from '@mekendesh/domain/upload-proof-key';
import { CognitoIdentity, JwtTokenVerifier, SesMailer } from '@mekendesh/identity';
import { StripePayments } from '@mekendesh/payments';
import { TERRITORIES, territoryBySoate } from '@mekendesh/territories';

/** Everything the routes need, wired once per process (not per request, not per handler). */
export interface Deps {
  projects: ProjectRepository;
  health: HealthProbe;
  accounts: AccountDeps;
  organisations: OrganisationDeps;
  /** Proposals, vetting and uploads. */
  projectDeps: ProjectDeps;
  audit: AuditLog;
  /** The refunds-to-pay queue (issue 13): refunded transfer pledges whose money is owed back. */
  refundsDue: RefundsDueStore;
  /** Pledges, receipts, co-financing, rates and the ledger. */
  money: MoneyDeps;
  /** Paying pledges by card; `card.cards` is absent when no gateway is configured (the option shows as unavailable). */
  card: CardDeps;
  verifier: TokenVerifier;
  /** Only where a dev outbox replaces email (locally); its route is not mounted otherwise. */
  outbox?: DynamoOutbox;
  /** Shared with the web server, whose requests may then say which client they are for (rate limits). */
  proxySecret?: string;
  /** Each public project's ledger, read a page at a time. */
  ledger: LedgerReader;
  /** Public transparency (issue 13): a project's named supporters and the programme's statistics from running totals. */
  transparency: { supporters: NamedSupporterReader; stats: ProgrammeStatsSource };
  /** Demand signals for local governments (issue 11): the aggregates the profile saves keep. */
  demand: DemandDeps;
  /** Paying pledges by transfer: receiving accounts, payment details and the email sent on pledging. */
  payments: PaymentDeps;
  /** Recommendations: candidates by key and index, the programmes, place names. */
  matching: MatchDeps;
  /** Hometown clubs and their pledges (issue 12); contributions go through `payments` like any pledge. */
  clubs: ClubDeps;
  /** Emails about things people follow, ask or own (issue 12), in their language, each kind unsubscribable. */
  notifier: Notifier;
  /** Questions and answers on projects (issue 12). */
  questions: QuestionDeps;
  /** Progress reports, disbursements and co-funding receipts of funded projects (issue 13). */
  reports: ReportDeps;
  /** Pledge messages for a project's officers, from the pledges-by-project index. */
  pledgeMessages: PledgeMessageReader;
  /** The staff dashboard (issue 13): running totals, queues and programmes, each read by key. */
  dashboard: DashboardDeps;
  /** Following and saved searches (issue 12): the person's list, the reverse lists, names to show. */
  follows: FollowDeps;
  /** Checks the unsubscribe links' signatures (POST /v1/unsubscribe/{token}). */
  unsubscribeKey: Buffer;
}

export interface IdentitySettings {
  identity: IdentityProvider;
  verifier: TokenVerifier;
  /** Where emails are sent; the dev outbox locally. */
  mailer?: Mailer;
}

/** Where investors ask when no account takes their currency; PROGRAMME_OFFICE_EMAIL and _PHONE override it. */
const DEFAULT_OFFICE: ProgrammeOffice = { email: 'office@mekendesh.kg', phone: null };

/** Where project photos and documents are stored; the endpoint is set locally (s3rver). */
export interface MediaSettings {
  bucket: string;
  endpoint?: string | undefined;
  region?: string | undefined;
  /**
   * 'function' (IMAGE_PIPELINE=function, the cloud): uploads are checked by the image function (functions/images) and
   * completing reads its marker; otherwise the API checks them itself with sharp (locally, where S3 sends no events).
   */
  imagePipeline?: 'function' | 'in-process' | undefined;
}

/** The media bucket as an ObjectStorage whose S3 client and presigners load on the first call. */
function lazyS3Storage(media: MediaSettings): ObjectStorage {
  return lazyPort<ObjectStorage>(async () => {
    const { createS3Client, S3Storage } = await import('@mekendesh/storage');
    return new S3Storage(createS3Client(media), media.bucket);
  });
}

type DbAdapters = typeof import('@mekendesh/db/adapters');

/**
 * A port whose DynamoDB adapter is made from the db package on the port's first call (lazyPort): a cold request loads
 * the stores it uses, not the thirty others (clubs, reports, the dashboard, ... each with the domain rules it imports).
 * The stores every request or the first page needs (users, sessions, rate limits, projects, programmes, rates, the
 * health probe) are made at once instead.
 */
function dbPort<T extends AsyncPort<T>>(make: (db: DbAdapters) => T): T {
  return lazyPort(async () => make(await import('@mekendesh/db/adapters')));
}

/** Where a SOATE code lies (the domain's territory rules over the reference data), built once per process. */
const territories = territoryRules(TERRITORIES);

export function composeWithDb(
  db: Db,
  settings: IdentitySettings,
  options: {
    limits?: Partial<RateLimits>;
    webOrigin?: string;
    devOutbox?: boolean;
    media?: MediaSettings;
    cards?: CardPayments;
    office?: ProgrammeOffice;
    /** How pledge emails leave (MailDelivery): `inline` unless set; `stream` in Lambda (MAIL_DELIVERY). */
    mailDelivery?: MailDelivery;
    /** The API's public origin, for the List-Unsubscribe URL mail providers post to (API_PUBLIC_URL). */
    apiOrigin?: string;
    /** The time the use cases read; the real time unless the local stack shifts it (CLOCK_OFFSET_FILE, clock.ts). */
    clock?: ApiClock;
  } = {},
): Deps {
  const clock = options.clock ?? systemClock;
  const users = new DynamoUserRepository(db);
  const projects = new DynamoProjectRepository(db);
  const organisations = dbPort((m) => new m.DynamoOrganisationStore(db));
  const media = options.media;
  // One client for the project's files: uploads, and reports taking back a refused post's files (report-files.ts).
  // S3 and sharp are imported on their first use (lazyPort): most cold starts serve no upload (issue 14).
  const storage = media ? lazyS3Storage(media) : undefined;
  const outbox = new DynamoOutbox(db, ulid);
  const mailer = settings.mailer ?? outbox;
  const limiter = new DynamoRateLimiter(db);
  const limits: RateLimits = { ...DEFAULT_RATE_LIMITS, ...options.limits };
  const programmes = new DynamoProgrammeStore(db);
  const mailQueue = dbPort((m) => new m.DynamoMailQueue(db));
  const clubStore = dbPort((m) => new m.DynamoClubStore(db));
  const followStore = dbPort((m) => new m.DynamoFollowStore(db));
  const webOrigin = options.webOrigin ?? 'http://localhost:5173';
  const mailDelivery = options.mailDelivery ?? 'inline';
  // Unsubscribe links are signed with a key derived from the cursor secret under its own label (unsubscribe.ts).
  const unsubscribe = { key: unsubscribeKey(db.cursorSecret), apiOrigin: options.apiOrigin ?? 'http://localhost:8787', webOrigin };
  // The notices' texts and rules (most of the domain's email code) load with the first notice.
  const notifier = lazyPort<Notifier>(async () =>
    (await import('@mekendesh/domain/notifier')).emailNotifier({
      users,
      organisations,
      queue: mailQueue,
      mailer,
      mailDelivery,
      clock,
      webOrigin,
      unsubscribe,
    }),
  );
  const questions = dbPort((m) => new m.DynamoQuestionStore(db));
  const reportStore = dbPort((m) => new m.DynamoReportStore(db));
  const moneyStore = dbPort((m) => new m.DynamoMoneyStore(db, programmes));
  const money: MoneyDeps = {
    projects,
    money: moneyStore,
    rates: new DynamoRateStore(db),
    programmes,
    users,
    clock,
    newId: ulid,
    pledging: { limits, cardCurrencies: options.cards ? [...options.cards.currencies] : [] },
    notices: { notifier, webOrigin },
  };
  return {
    projects,
    health: dynamoHealthProbe(db),
    accounts: {
      identity: settings.identity,
      users,
      sessions: new DynamoSessionStore(db),
      verifier: settings.verifier,
      publicTraces: dbPort((m) => new m.DynamoPublicTraceStore(db, moneyStore)),
      clubs: clubStore,
      limiter,
      mailer,
      clock,
      newId: ulid,
      limits,
      follows: followStore,
      questions,
      // Two-step challenge tokens and sealed authenticator secrets: a key derived from the cursor secret (two-step-tokens.ts).
      twoStepKey: twoStepKey(db.cursorSecret),
    },
    organisations: {
      organisations,
      users,
      identity: settings.identity,
      mailer,
      clock,
      newId: ulid,
      webOrigin: options.webOrigin ?? 'http://localhost:5173',
      territories,
      notifier,
    },
    projectDeps: {
      // Monotonic: the audit entries of one transaction (start review, then decide) keep their order within a millisecond.
      projects,
      organisations,
      territories,
      clock,
      newId: monotonicFactory(),
      notices: { notifier, webOrigin, pledges: money.money },
      progress: reportStore,
      ...(storage
        ? {
            storage,
            // Upload keys from plain ulid(): random in every call (the monotonic newId above is not, issue 14 attacker 5).
            uploadKeys: { newId: ulid, proofKey: uploadProofKey(db.cursorSecret) },
            ...(media?.imagePipeline === 'function'
              ? { imageFunction: { pollMs: CHECK_POLL_MS } }
              : { images: lazyPort<ImageProcessor>(async () => (await import('@mekendesh/storage')).sharpImages()) }),
          }
        : {}),
    },
    audit: dbPort((m) => new m.DynamoAuditLog(db)),
    refundsDue: dbPort((m) => new m.DynamoRefundsDueStore(db)),
    demand: { demand: dbPort((m) => new m.DynamoDemandStore(db)), organisations, territories },
    ledger: dbPort((m) => new m.DynamoLedgerReader(db)),
    transparency: {
      supporters: dbPort((m) => new m.DynamoNamedSupporters(db)),
      stats: dbPort((m) => new m.DynamoProgrammeStatsSource(db)),
    },
    money,
    card: {
      money,
      cards: options.cards,
      processed: dbPort((m) => new m.DynamoProcessedEvents(db)),
      webOrigin: options.webOrigin ?? 'http://localhost:5173',
    },
    payments: {
      money,
      accounts: dbPort((m) => new m.DynamoReceivingAccountStore(db)),
      queue: mailQueue,
      mailer,
      mailDelivery,
      office: options.office ?? DEFAULT_OFFICE,
      webOrigin: options.webOrigin ?? 'http://localhost:5173',
      unsubscribe,
    },
    matching: { candidates: dbPort((m) => new m.DynamoMatchCandidates(db)), programmes, clock, place: territoryBySoate },
    clubs: {
      clubs: clubStore,
      projects,
      users,
      territories,
      clock,
      newId: ulid,
      limits: { clubsPerDay: limits.clubsPerDay ?? CLUBS_PER_DAY },
    },
    follows: followDeps(followStore, clock),
    notifier,
    questions: { questions, projects, users, limiter, notifier, clock, newId: ulid, webOrigin },
    reports: {
      projectDeps: { projects, ...(storage ? { storage } : {}) },
      reports: reportStore,
      money: money.money,
      programmes,
      clock,
      newId: ulid,
      notices: { notifier, webOrigin },
    },
    pledgeMessages: dbPort((m) => new m.DynamoPledgeMessages(db)),
    dashboard: {
      source: dbPort((m) => new m.DynamoDashboardSource(db)),
      projects,
      rates: money.rates,
      territories,
      clock,
      oblasts: OBLASTS.map((o) => o.soate),
    },
    unsubscribeKey: unsubscribe.key,
    verifier: settings.verifier,
    ...(options.devOutbox ? { outbox } : {}),
  };
}

/** Follows read and write through one store (it also names followed projects and organisations). */
function followDeps(store: FollowStore & FollowNames, clock: ApiClock): FollowDeps {
  return { follows: store, names: store, territories, placeName: (soate) => territoryBySoate(soate)?.fullName, clock };
}

/**
 * Card payments when STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET are both set; STRIPE_API_HOST, STRIPE_API_PORT and
 * STRIPE_API_PROTOCOL point the SDK at a fake Stripe locally. Without them the card option shows as unavailable.
 */
export function cardsFromEnv(env: NodeJS.ProcessEnv): { cards?: CardPayments } {
  if (!env.STRIPE_SECRET_KEY || !env.STRIPE_WEBHOOK_SECRET) return {};
  const protocol = env.STRIPE_API_PROTOCOL === 'http' ? 'http' : env.STRIPE_API_PROTOCOL === 'https' ? 'https' : undefined;
  return {
    cards: new StripePayments({
      secretKey: env.STRIPE_SECRET_KEY,
      webhookSecret: env.STRIPE_WEBHOOK_SECRET,
      ...(env.STRIPE_API_HOST ? { host: env.STRIPE_API_HOST } : {}),
      ...(env.STRIPE_API_PORT ? { port: Number(env.STRIPE_API_PORT) } : {}),
      ...(protocol ? { protocol } : {}),
    }),
  };
}

/** RATE_LIMITS (JSON, e.g. {"signInPerIp":500}) overrides the default attempts per window (RateLimits); the e2e stack raises them. */
function rateLimitsFrom(env: NodeJS.ProcessEnv): { limits?: Partial<RateLimits> } {
  if (!env.RATE_LIMITS) return {};
  return { limits: JSON.parse(env.RATE_LIMITS) as Partial<RateLimits> };
}

/**
 * Reads TABLE_NAME, COGNITO_USER_POOL_ID, COGNITO_CLIENT_ID, COGNITO_ISSUER, COGNITO_JWKS_URL and, locally,
 * DYNAMODB_ENDPOINT, COGNITO_ENDPOINT, WEB_ORIGIN; MAIL_FROM sends the platform's emails through SES; MEDIA_BUCKET (and S3_ENDPOINT locally) for uploads,
 * IMAGE_PIPELINE=function where the image function checks them (infra sets it on the API function).
 * DEV_OUTBOX=1 (every code and invitation token, unauthenticated) is read only when the entry point says it is the
 * local stack (`entry.local`, server.ts): the Lambda entry never passes it, so no environment variable can mount it there.
 * CURSOR_SECRET signs list cursors; @throws Error when it is missing in Lambda (AWS_LAMBDA_FUNCTION_NAME set).
 * API_PUBLIC_URL is the API's public origin, for the List-Unsubscribe URL in emails (http://localhost:8787 unless set).
 * CLOCK_OFFSET_FILE (local stack only, like DEV_OUTBOX) names a file of milliseconds the API's clock runs ahead (clock.ts).
 * MAIL_DELIVERY=stream leaves pledge emails to the stream-triggered mail function (infra sets it on the API function);
 * anything else sends them in the request.
 */
export function composeFromEnv(env: NodeJS.ProcessEnv = process.env, entry: { local?: boolean } = {}): Deps {
  const region = env.AWS_REGION ?? 'eu-central-1';
  const userPoolId = env.COGNITO_USER_POOL_ID ?? 'unconfigured';
  const clientId = env.COGNITO_CLIENT_ID ?? 'unconfigured';
  const issuer = env.COGNITO_ISSUER ?? `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`;
  const identity = new CognitoIdentity({ userPoolId, clientId, region, endpoint: env.COGNITO_ENDPOINT });
  const verifier = new JwtTokenVerifier({ issuer, clientId, jwksUrl: env.COGNITO_JWKS_URL ?? `${issuer}/.well-known/jwks.json` });
  // List cursors are signed with CURSOR_SECRET; unset, each process makes its own (cursors then do not cross instances),
  // which a deployed function must not do: its instances share one secret (lambda.ts reads it from CURSOR_SECRET_ARN).
  if (env.AWS_LAMBDA_FUNCTION_NAME && !env.CURSOR_SECRET) {
    throw new Error(
      'CURSOR_SECRET is not set: a deployed API signs list cursors with the secret CURSOR_SECRET_ARN names (infra api-stack)',
    );
  }
  const db = createDb({
    tableName: env.TABLE_NAME ?? DEFAULT_TABLE_NAME,
    endpoint: env.DYNAMODB_ENDPOINT,
    region,
    cursorSecret: env.CURSOR_SECRET,
  });
  const media = env.MEDIA_BUCKET
    ? {
        bucket: env.MEDIA_BUCKET,
        endpoint: env.S3_ENDPOINT,
        region,
        imagePipeline: env.IMAGE_PIPELINE === 'function' ? ('function' as const) : undefined,
      }
    : undefined;
  const mailer = env.MAIL_FROM ? new SesMailer(env.MAIL_FROM, region) : undefined;
  const proxy = env.PROXY_SECRET ? { proxySecret: env.PROXY_SECRET } : {};
  const office = env.PROGRAMME_OFFICE_EMAIL
    ? { office: { email: env.PROGRAMME_OFFICE_EMAIL, phone: env.PROGRAMME_OFFICE_PHONE || null } }
    : {};
  return {
    ...proxy,
    ...composeWithDb(
      db,
      { identity, verifier, ...(mailer ? { mailer } : {}) },
      {
        webOrigin: env.WEB_ORIGIN,
        ...(env.API_PUBLIC_URL ? { apiOrigin: env.API_PUBLIC_URL.replace(/\/+$/, '') } : {}),
        devOutbox: entry.local === true && env.DEV_OUTBOX === '1',
        // Browser tests move the API's days (the late-report flag) through a file; never outside the local stack.
        ...(entry.local === true && env.CLOCK_OFFSET_FILE ? { clock: shiftedClock(env.CLOCK_OFFSET_FILE) } : {}),
        mailDelivery: env.MAIL_DELIVERY === 'stream' ? 'stream' : 'inline',
        ...office,
        ...rateLimitsFrom(env),
        ...(media ? { media } : {}),
        ...cardsFromEnv(env),
      },
    ),
  };
}
