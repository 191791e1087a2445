// What the app reads. Ponder itself serves /health, /ready, /status and /metrics next to these.
//   /sql/*           SQL over HTTP for `@ponder/client` (typed queries on ponder.schema.ts, live queries)
//   /graphql         GraphQL over the same tables
//   /canopy/status   how far the index is: "indexed to block N of M"
import { Hono } from "hono";
import { client, graphql } from "ponder";
import { db, publicClients } from "ponder:api";
import schema from "ponder:schema";

import { indexingStatus } from "./status";

const app = new Hono();

app.use("/sql/*", client({ db, schema }));
app.use("/graphql", graphql({ db, schema }));
app.get("/canopy/status", async (c) => c.json(await indexingStatus(db, publicClients.chain)));

export default app;
