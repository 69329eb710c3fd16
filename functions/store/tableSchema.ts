/**
 * The one DynamoDB table: its keys and the global secondary indexes, each named for the access pattern it serves.
 * Pure data, shared by the store (local table creation) and the CDK stack, so the two cannot drift apart.
 * The access patterns behind each index are written down in functions/store/README.md.
 */
export const TABLE_KEYS = { partitionKey: 'pk', sortKey: 'sk' } as const;

export const GLOBAL_INDEXES = [
  /** Every item of a kind (systems, departments, people), in name order. */
  { indexName: 'byKind', partitionKey: 'kindPk', sortKey: 'kindSk' },
  /** What belongs to a department: its systems, its people. */
  { indexName: 'byDepartment', partitionKey: 'deptPk', sortKey: 'deptSk' },
  /** Sparse: applications awaiting a decision, keyed by the deciding role and its scope. */
  { indexName: 'inbox', partitionKey: 'inboxPk', sortKey: 'inboxSk' },
  /** Applications by the person who filed them, newest last. */
  { indexName: 'byApplicant', partitionKey: 'applicantPk', sortKey: 'applicantSk' },
  /** Audit events by the person who acted. */
  { indexName: 'byActor', partitionKey: 'actorPk', sortKey: 'actorSk' },
  /** What concerns an object: the consultations, datasets and contracts of a system; the grants of a dataset. */
  { indexName: 'bySubject', partitionKey: 'subjectPk', sortKey: 'subjectSk' },
  /** Sparse: what falls due on a date (provided data to be returned or disposed of), by kind of duty. */
  { indexName: 'byDueDate', partitionKey: 'duePk', sortKey: 'dueSk' },
] as const;

export type IndexName = (typeof GLOBAL_INDEXES)[number]['indexName'];

/**
 * The table's stream: the new image of every write, which the mail sender reads for the notices written (the
 * outbox, functions/mail/). The deployed table (infra/table.ts) and the local one (createTable.ts) have the same.
 */
export const STREAM_VIEW_TYPE = 'NEW_IMAGE' as const;

/** Items with this attribute (epoch seconds) are deleted by DynamoDB after that time: idempotency records only. */
export const TTL_ATTRIBUTE = 'expiresAt';

export const DEFAULT_TABLE_NAME = 'shiroishi-regulation';
