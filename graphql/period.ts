/** 期間 — a period of use or provision: inclusive dates in the city's calendar. */
import { Field, InputType, ObjectType } from 'type-graphql';
import { LocalDate } from './common';

@ObjectType({ description: '期間(両端を含む)。 / A period, both days included.' })
export class Period {
  @Field(() => LocalDate)
  from!: string;

  @Field(() => LocalDate)
  until!: string;
}

@InputType({ description: '期間(両端を含む)。 / A period, both days included.' })
export class PeriodInput {
  @Field(() => LocalDate)
  from!: string;

  @Field(() => LocalDate)
  until!: string;
}
