import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';

/**
 * cdk-nag v3 rule packs as CDK policy-validation plugins. Any unacknowledged finding, warning or error, fails the
 * synthesis with a report (and writes cdk.out/policy-validation-report.json). Acknowledgements sit next to the
 * construct they concern (lambdaFunction.ts, api.ts, reminders.ts, alarms.ts), each with the full finding id and its
 * reason.
 */
export function addNagChecks(app: App): void {
  Validations.of(app).addPlugins(
    new AwsSolutionsChecks(app, { verbose: true, writeSuppressionsToCloudFormation: true }),
    new ServerlessChecks(app, { verbose: true, writeSuppressionsToCloudFormation: true }),
  );
}
