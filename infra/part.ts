import { Construct } from 'constructs';

/**
 * A part of the stack (the API, the reminders job, the alarms…) in a construct of its own. Its id is left out of the
 * logical IDs of the resources inside it (RegulationApiStack.allocateLogicalId): each resource keeps the logical ID
 * it had when the stack was one file, so grouping resources into parts, or regrouping them, replaces nothing on
 * deploy. Two resources that end up with the same logical ID fail the synth.
 */
export class StackPart extends Construct {}
