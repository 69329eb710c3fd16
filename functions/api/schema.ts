/** The executable schema, built once per process from each area's resolvers (one array per file of functions/resolvers/). */
import 'reflect-metadata';
import { GraphQLSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { applicationResolvers } from '../resolvers/applications';
import { auditResolvers } from '../resolvers/audit';
import { datasetResolvers } from '../resolvers/datasets';
import { dataUseResolvers } from '../resolvers/dataUse';
import { externalProvisionResolvers } from '../resolvers/externalProvision';
import { outsourcingResolvers } from '../resolvers/outsourcing';
import { consultationResolvers } from '../resolvers/consultations';
import { nodeResolvers } from '../resolvers/node';
import { peopleResolvers } from '../resolvers/people';
import { systemResolvers } from '../resolvers/systems';
import { homepageResolvers } from '../resolvers/homepage';
import { emailResolvers } from '../resolvers/email';
import { operatorResolvers } from '../resolvers/operators';
import { operatingHoursResolvers } from '../resolvers/operatingHours';
import { serverRoomResolvers } from '../resolvers/serverRoom';
import { equipmentResolvers } from '../resolvers/equipment';
import { receivedMailResolvers } from '../resolvers/receivedMail';
import { passwordResolvers } from '../resolvers/passwords';
import { prohibitedActResolvers } from '../resolvers/prohibitedActs';
import { virusIncidentResolvers } from '../resolvers/virusIncidents';
import { resilienceResolvers } from '../resolvers/resilience';
import { dataProtectionResolvers } from '../resolvers/dataProtection';
import { virusMeasureResolvers } from '../resolvers/virusMeasures';
import { oversightResolvers } from '../resolvers/oversight';
import { committeeResolvers } from '../resolvers/committee';
import { reminderResolvers } from '../resolvers/reminders';
import { commentResolvers } from '../resolvers/comments';
import { attachmentResolvers } from '../resolvers/attachments';
import { supplementaryRuleResolvers } from '../resolvers/supplementaryRules';
import { securityGuidelineResolvers } from '../resolvers/securityGuideline';
import { homepageSystemResolvers } from '../resolvers/homepageSystem';
import { printResolvers } from '../resolvers/print';
import { ExportLinkResolver } from '../resolvers/exports';
import { guardReads } from '../resolvers/reading';

let schema: GraphQLSchema | undefined;

export function getSchema(): GraphQLSchema {
  // Every field that can yield a kind the regulation restricts asks its read rule (functions/domain/reading.ts).
  schema ??= assumeValid(describeRoots(guardReads(buildSchemaSync({
    resolvers: [
      ...nodeResolvers,
      ...peopleResolvers,
      ...systemResolvers,
      ...consultationResolvers,
      ...applicationResolvers,
      ...datasetResolvers,
      ...dataUseResolvers,
      ...externalProvisionResolvers,
      ...outsourcingResolvers,
      ...auditResolvers,
      ...homepageResolvers,
      ...emailResolvers,
      ...operatorResolvers,
      ...operatingHoursResolvers,
      ...serverRoomResolvers,
      ...equipmentResolvers,
      ...receivedMailResolvers,
      ...passwordResolvers,
      ...prohibitedActResolvers,
      ...virusIncidentResolvers,
      ...resilienceResolvers,
      ...dataProtectionResolvers,
      ...virusMeasureResolvers,
      ...oversightResolvers,
      ...committeeResolvers,
      ...reminderResolvers,
      ...commentResolvers,
      ...attachmentResolvers,
      ...supplementaryRuleResolvers,
      ...securityGuidelineResolvers,
      ...homepageSystemResolvers,
      ...printResolvers,
      ExportLinkResolver,
    ],
    // Inputs are checked by class-validator; errors never echo the submitted values back.
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
    // type-graphql's own check (a full introspection query, about half the schema build) runs in the tests instead
    // (test/api/schema.test.ts), not at every cold start; so does graphql-js's validation (assumeValid).
    skipCheck: true,
  }))));
  return schema;
}

/**
 * The schema marked valid, as graphql-js's `assumeValid` marks one: graphql-js would otherwise validate all ~3,000
 * fields before the first request runs. The tests validate it instead (test/api/schema.test.ts), from its config
 * rebuilt without the mark.
 */
function assumeValid(s: GraphQLSchema): GraphQLSchema {
  s.__validationErrors = [];
  return s;
}

/** The root types, described like every other (type-graphql gives them none). */
function describeRoots(s: GraphQLSchema): GraphQLSchema {
  const query = s.getQueryType();
  const mutation = s.getMutationType();
  if (query) query.description = '照会(閲覧できるもののみ)。 / Reads: only what the viewer may read.';
  if (mutation) mutation.description = '変更(規程が定める者が行い、監査証跡と同一トランザクションで記録)。 / Changes, each by the role the regulation names, written with its audit trail.';
  return s;
}
