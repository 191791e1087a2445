import { withAnvilDown } from "../fixtures/anvil";
import { anvilPid } from "../fixtures/serverPids";
// Not the journey fixture: this test writes nothing, and the node it restarts forgets every snapshot id,
// so there is nothing to revert; the restarted node is loaded with the state dumped before it went down.
import { expect, test } from "../fixtures/test";
import { openMetaPool, ROLE } from "./helpers";

const LENDING = "Blue-chip lending";

test("with the RPC down the app says it cannot reach the chain, and recovers when it is back", async ({
  page,
  wallet,
}) => {
  await openMetaPool(page, wallet, ROLE.underwriter, LENDING, "overview");
  const footer = page.getByRole("contentinfo");
  await expect(footer.getByRole("status").first()).toContainText(/block \d+/);
  await withAnvilDown(anvilPid(), async () => {
    await expect(footer.getByText(/cannot reach http:\/\/127\.0\.0\.1:\d+/)).toBeVisible({ timeout: 45_000 });
  });
  await expect(footer.getByRole("status").first()).toContainText(/block \d+/, { timeout: 30_000 });
  await expect(page.getByTestId("metapool-name")).toHaveText(LENDING);
  await page.getByTestId("tab-underwrite").click();
  await expect(page.getByRole("heading", { name: "My underwriting" })).toBeVisible({ timeout: 30_000 });
});
