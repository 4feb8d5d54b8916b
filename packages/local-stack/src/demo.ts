import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import {
  demoMarkerEntity,
  DynamoUserRepository,
  SEARCH_INDEX_VERSION,
  memberItem,
  reindexPublicProjects,
  seedDemoRates,
  seedOpeningBalances,
  seedProjects,
  type Db,
} from '@mekendesh/db';
import { DEMO_DEMAND_PROFILES, DEMO_ORGANISATIONS, DEMO_PROJECTS, DEMO_USERS } from '@mekendesh/demo-data';
import { bishkekDay, newUserRecord, saveProfileCounted } from '@mekendesh/domain';
import { oblastOf } from '@mekendesh/territories';
import { ensureDemoProgramme } from './demo-programme.js';

const MARKER = demoMarkerEntity.key({});

/**
 * Loads the demo organisations and projects once; a marker item remembers that it was done, and with which
 * search index layout. Data loaded under an older layout (a kept `.local/` table) gets its index items written
 * again, so search finds the demo projects without `pnpm dev:fresh`.
 */
export async function ensureDemoData(db: Db): Promise<'loaded' | 'present' | 'reindexed'> {
  await ensureDemoProgramme(db); // on its own, so data loaded before the demo had a programme gets it too
  const marker = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: MARKER }));
  if (marker.Item?.searchIndex === SEARCH_INDEX_VERSION) return 'present';
  if (marker.Item) {
    await reindexPublicProjects(db);
    await db.doc.send(new PutCommand({ TableName: db.tableName, Item: { ...marker.Item, searchIndex: SEARCH_INDEX_VERSION } }));
    return 'reindexed';
  }
  await seedProjects(db, { organisations: DEMO_ORGANISATIONS, projects: DEMO_PROJECTS });
  // The demo projects come with money raised before the platform: opening ledger entries, so `pnpm ledger:check` balances.
  await seedOpeningBalances(db, DEMO_PROJECTS);
  await db.doc.send(
    new PutCommand({
      TableName: db.tableName,
      Item: { ...MARKER, loadedAt: new Date().toISOString(), projects: DEMO_PROJECTS.length, searchIndex: SEARCH_INDEX_VERSION },
    }),
  );
  return 'loaded';
}

/**
 * Today's demo exchange rates (source "demo"; a loaded NBKR feed or a staff entry of the same day wins), so pledges in
 * every currency work. `day` is 'YYYY-MM-DD', today in Bishkek by default (the day pledges are priced on).
 */
export async function ensureDemoRates(db: Db, day = bishkekDay(new Date())): Promise<string> {
  await seedDemoRates(db, day);
  return day;
}

/**
 * The platform's records of the demo accounts: profiles, and the officer as admin of their organisation.
 * `ids` maps each demo email to its Cognito user id.
 */
export async function ensureDemoAccounts(db: Db, ids: Map<string, string>): Promise<void> {
  const users = new DynamoUserRepository(db);
  for (const demo of DEMO_USERS) {
    const id = ids.get(demo.email);
    if (!id) continue;
    const record = newUserRecord({
      id,
      email: demo.email,
      displayName: demo.displayName,
      locale: 'ky',
      createdAt: '2026-01-05T09:00:00.000Z',
    });
    record.profile = {
      ...record.profile,
      homeRayonSoate: demo.homeRayonSoate ?? null,
      homeOblastSoate: demo.homeRayonSoate ? (oblastOf(demo.homeRayonSoate)?.soate ?? null) : null,
      residenceCountry: demo.residenceCountry ?? null,
      residenceCity: demo.residenceCity ?? null,
      languages: ['ky', 'ru'],
      sectors: demo.role === 'investor' ? ['education', 'water', 'agriculture'] : [],
      pledgeTypes: demo.role === 'investor' ? ['donation', 'loan'] : [],
      amountMin: demo.role === 'investor' ? 500_000 : null,
      amountMax: demo.role === 'investor' ? 10_000_000 : null,
    };
    if (demo.organisationId) {
      record.organisationId = demo.organisationId;
      record.organisationRole = 'admin';
    }
    const stored = await users.ensure(record);
    if (demo.organisationId && stored.organisationId === demo.organisationId) {
      await db.doc.send(
        new PutCommand({
          TableName: db.tableName,
          Item: memberItem(demo.organisationId, {
            userId: id,
            email: demo.email,
            displayName: demo.displayName,
            role: 'admin',
            joinedAt: record.createdAt,
          }),
        }),
      );
    }
  }
  await ensureDemoDemand(users);
}

/**
 * The consenting demo investors of the demand signals (DEMO_DEMAND_PROFILES): each record created once, then its
 * profile saved through the same path as a person's save (saveProfileCounted), which keeps the counts; saving the
 * same profile again changes nothing, so a kept table is not counted twice.
 */
async function ensureDemoDemand(users: DynamoUserRepository): Promise<void> {
  for (const demo of DEMO_DEMAND_PROFILES) {
    const record = newUserRecord({
      id: demo.id,
      email: `${demo.id}@demo.mekendesh.kg`,
      displayName: demo.displayName,
      locale: 'ky',
      createdAt: '2026-01-05T09:00:00.000Z',
    });
    await users.ensure(record);
    const { id: _id, ...fields } = demo;
    await saveProfileCounted(users, demo.id, { ...record.profile, ...fields, countInterest: true, languages: ['ky', 'ru'] });
  }
}
