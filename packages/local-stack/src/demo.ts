import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { seedProjects, type Db } from '@mekendesh/db';
import { DEMO_ORGANISATIONS, DEMO_PROJECTS } from '@mekendesh/demo-data';

const MARKER = { pk: 'META', sk: 'DEMO_DATA' };

/** Loads the demo organisations and projects once; a marker item remembers that it was done. */
export async function ensureDemoData(db: Db): Promise<'loaded' | 'present'> {
  const marker = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: MARKER }));
  if (marker.Item) return 'present';
  await seedProjects(db, { organisations: DEMO_ORGANISATIONS, projects: DEMO_PROJECTS });
  await db.doc.send(new PutCommand({ TableName: db.tableName, Item: { ...MARKER, loadedAt: new Date().toISOString(), projects: DEMO_PROJECTS.length } }));
  return 'loaded';
}
