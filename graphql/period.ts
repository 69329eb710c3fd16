/** 期間 — a period of use or provision: inclusive dates in the city's calendar. */
import { Field, InputType, ObjectType } from 'type-graphql';
import { LocalDate } from './common';

@ObjectType({ description: '期間(両端を含む)。 / A period, both days included.' })
export class Period {
  @Field(() => LocalDate, { description: '開始日(この日を含む)。 / First day (inclusive).' })
  from!: string;

  @Field(() => LocalDate, { description: '終了日(この日を含む)。 / Last day (inclusive).' })
  until!: string;
}

@InputType({ description: '期間(両端を含む)。 / A period, both days included.' })
export class PeriodInput {
  @Field(() => LocalDate, { description: '開始日(この日を含む)。 / First day (inclusive).' })
  from!: string;

  @Field(() => LocalDate, { description: '終了日(この日を含む)。 / Last day (inclusive).' })
  until!: string;
}
