import { ProviderRpcError } from "./providerErrors";

let nextId = 1;

/** One JSON-RPC call to the node; node errors come back as provider errors with the node's code. */
export async function rpcCall<T = unknown>(rpcUrl: string, method: string, params: unknown[] = []): Promise<T> {
  const response = await fetch(rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: nextId++, method, params }),
  });
  if (!response.ok) throw new ProviderRpcError(-32603, `RPC ${rpcUrl} answered HTTP ${response.status}`);
  const body = (await response.json()) as { result?: T; error?: { code: number; message: string; data?: unknown } };
  if (body.error) throw new ProviderRpcError(body.error.code, body.error.message, body.error.data);
  return body.result as T;
}
