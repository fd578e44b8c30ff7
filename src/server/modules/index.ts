import type { Module } from "../platform/module/index.ts";
import { accountsModule } from "./accounts/index.ts";
import { casesModule } from "./cases/index.ts";
import { dashboardModule } from "./dashboard/index.ts";
import { engagementModule } from "./engagement/index.ts";
import { open311Module } from "./open311/index.ts";
import { ordersModule } from "./orders/index.ts";
import { orgModule } from "./org/index.ts";
import { peopleModule } from "./people/index.ts";
import { placesModule } from "./places/index.ts";
import { pointsModule } from "./points/index.ts";
import { territoryModule } from "./territory/index.ts";
import { volunteeringModule } from "./volunteering/index.ts";
import { wishesModule } from "./wishes/index.ts";

/**
 * Every domain module the server runs: the app registers their routes, the start-up defines their
 * jobs and consumers, bootstrap writes their first data, the import routes offer their importers.
 * Adding a module is its folder and one line here.
 */
export const MODULES: readonly Module[] = [
  accountsModule,
  territoryModule,
  orgModule,
  peopleModule,
  casesModule,
  ordersModule,
  volunteeringModule,
  wishesModule,
  engagementModule,
  pointsModule,
  placesModule,
  dashboardModule,
  open311Module,
];
