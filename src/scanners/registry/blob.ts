// Streams a blob from the registry without touching the disk. The client library only buffers or
// writes blobs to files, so blobs go through fetch, answering the registry's 401 challenge the way
// the library does (basic credentials, or a bearer token obtained through the library).
import * as registryClient from "@snyk/docker-registry-v2-client";
import { classify, clientOptions, RegistryError, withRetries, type RegistryAccess } from "./client.js";
import type { ImageReference } from "./reference.js";

/** Remembers the Authorization header that worked, so each image negotiates it once. */
export interface BlobSession {
  ref: ImageReference;
  protocol: string;
  access: RegistryAccess;
  authorization?: string;
}

function basic(session: BlobSession): string | undefined {
  const c = session.access.credentials;
  return c ? `Basic ${Buffer.from(`${c.username}:${c.password}`).toString("base64")}` : undefined;
}

async function negotiate(session: BlobSession, challenge: string | null): Promise<string | undefined> {
  if (challenge && /^\s*bearer/i.test(challenge)) {
    // The library validates the realm against the registry host before sending credentials to it.
    const token = await registryClient.getAuthTokenForEndpoint(
      session.ref.registry,
      `/${session.ref.repository}/manifests/${session.ref.digest ?? session.ref.tag ?? "latest"}`,
      session.access.credentials?.username ?? "",
      session.access.credentials?.password ?? "",
      clientOptions(session.ref.registry, session.access),
    );
    return token ? `Bearer ${token}` : undefined;
  }
  return basic(session);
}

/** Opens the blob, retrying transient failures (resets, 5xx) before any byte was read. */
export async function openBlob(session: BlobSession, digest: string, signal: AbortSignal): Promise<ReadableStream<Uint8Array>> {
  return withRetries(() => openBlobOnce(session, digest, signal), session.access);
}

/** Opens the blob; the caller reads the body as a stream (and may cancel it). */
async function openBlobOnce(session: BlobSession, digest: string, signal: AbortSignal): Promise<ReadableStream<Uint8Array>> {
  const url = `${session.protocol}//${session.ref.registry}/v2/${session.ref.repository}/blobs/${digest}`;
  const what = `layer ${digest.slice(0, 19)} of ${session.ref.repository}`;
  const request = async (authorization?: string): Promise<Response> => {
    const headers: Record<string, string> = { accept: "*/*" };
    if (authorization) headers.authorization = authorization;
    try {
      // fetch drops Authorization on a cross-origin redirect (blob stores behind a CDN).
      return await fetch(url, { headers, signal, redirect: "follow" });
    } catch (err) {
      if (signal.aborted) throw new RegistryError("timeout", `stopped while reading ${what}`);
      throw classify(err, what, session.ref.registry, session.access.credentials);
    }
  };
  let response = await request(session.authorization);
  if (response.status === 401) {
    await response.body?.cancel();
    let authorization: string | undefined;
    try {
      authorization = await negotiate(session, response.headers.get("www-authenticate"));
    } catch (err) {
      throw classify(err, what, session.ref.registry, session.access.credentials);
    }
    if (!authorization) throw classify({ statusCode: 401, message: "unauthorized" }, what, session.ref.registry, session.access.credentials);
    session.authorization = authorization;
    response = await request(authorization);
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    throw classify({ statusCode: response.status, message: response.statusText }, what, session.ref.registry, session.access.credentials);
  }
  return response.body;
}
