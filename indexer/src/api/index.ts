// What the app reads. Ponder itself serves /health, /ready, /status and /metrics next to these.
//   /sql/*           SQL over HTTP for `@ponder/client` (typed queries on ponder.schema.ts, live queries)
//   /graphql         GraphQL over the same tables
//   /canopy/status   how far the index is: "indexed to block N of M"
//   /canopy/arbiter/:address   an arbiter's MetaPools and claims, and its track record (lib/arbiter)
//   /canopy/arbiter/:address/metapools   the MetaPools naming it arbiter (the arbiter desk's list)
//   /canopy/metapools/named?name=…       the MetaPools already called that (the create wizard's warning)
//   /canopy/explore  one page of Explore: search, filters, sort and paging done here (explore/)
//   /canopy/account/:account/metapools   every MetaPool an account touched (the portfolio's discovery)
//   /canopy/account/:account/positions   its position history in each (lib/indexer/positions; ?metaPool= for one)
//   /canopy/metapool/:address/history    a MetaPool's state after every event (the history charts, share prices)
//   /canopy/metapool/:address/claims     its claims with evidence and rulings (claims list, pending evidence)
//   /canopy/metapool/:address/repricing  what moved a pool's cover price since a time (the repricing notice)
//   /canopy/metapool/:address/holders    holders of each pool's open-epoch cover token (the arbiter desk)
//   /canopy/metapool/:address/creation   the block of its `MetaPoolCreated` (the MetaPool page reads its texts there)
import { Hono } from "hono";
import { client, graphql } from "ponder";
import { db, publicClients } from "ponder:api";
import schema from "ponder:schema";

import { accountMetaPoolsRoute } from "./account";
import { arbiterMetaPoolsRoute, arbiterRoute } from "./arbiter";
import { metaPoolClaimsRoute } from "./claims";
import { metaPoolCreationRoute } from "./creation";
import { exploreRoute } from "./explore/route";
import { historyRoute } from "./history";
import { coverHoldersRoute } from "./holders";
import { metaPoolsNamedRoute } from "./names";
import { accountPositionsRoute } from "./positions";
import { repricingRoute } from "./repricing";
import { indexingStatus } from "./status";

const app = new Hono();

app.use("/sql/*", client({ db, schema }));
app.use("/graphql", graphql({ db, schema }));
app.get("/canopy/status", async (c) => c.json(await indexingStatus(db, publicClients.chain)));
app.get("/canopy/arbiter/:address", arbiterRoute);
app.get("/canopy/arbiter/:address/metapools", arbiterMetaPoolsRoute);
app.get("/canopy/metapools/named", metaPoolsNamedRoute);
app.get("/canopy/explore", exploreRoute);
app.get("/canopy/account/:account/metapools", accountMetaPoolsRoute);
app.get("/canopy/account/:account/positions", accountPositionsRoute);
app.get("/canopy/metapool/:address/history", historyRoute);
app.get("/canopy/metapool/:address/holders", coverHoldersRoute);
app.get("/canopy/metapool/:address/creation", metaPoolCreationRoute);
app.get("/canopy/metapool/:address/claims", metaPoolClaimsRoute);
app.get("/canopy/metapool/:address/repricing", repricingRoute);

export default app;
