/**
 * The one way the web app talks to the API: same-origin cookie session, JSON both ways, the CSRF
 * token on every write, and errors as `ApiError` (message already in the user's language).
 */

export const API_BASE = '/api/v1';

export type FieldErrors = Record<string, string>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldErrors = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
  /** No answer from the server (offline, timeout, proxy down). */
  get isNetwork(): boolean {
    return this.status === 0;
  }
}

let csrfToken: string | undefined;

/** Set from `/auth/me`, the login and the password-change answers. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

type Handler = (reason: 'unauthenticated' | 'password-change') => void;
let onAuthProblem: Handler = (reason) => {
  window.location.assign(reason === 'unauthenticated' ? '/masuk' : '/ganti-sandi');
};

/** The router registers a handler so redirects stay inside the single-page app. */
export function setAuthProblemHandler(handler: Handler): void {
  onAuthProblem = handler;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
  /** Leave 401/403 password-change answers to the caller instead of redirecting. */
  noRedirect?: boolean;
}

const UNSAFE = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

interface ErrorBody {
  error?: { code?: string; message?: string; fields?: FieldErrors };
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (UNSAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', '');
  }
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (res.ok) return data as T;

  const e = (data as ErrorBody | undefined)?.error;
  const error = new ApiError(res.status, e?.code ?? `HTTP_${res.status}`, e?.message ?? res.statusText, e?.fields ?? {});
  if (!opts.noRedirect) {
    if (res.status === 401 && error.code !== 'LOGIN_FAILED') onAuthProblem('unauthenticated');
    else if (res.status === 403 && error.code === 'PASSWORD_CHANGE_REQUIRED') onAuthProblem('password-change');
  }
  throw error;
}

export const get = <T>(path: string, query?: Query, signal?: AbortSignal) => api<T>(path, { query, signal });
export const post = <T>(path: string, body?: unknown) => api<T>(path, { method: 'POST', body: body ?? {} });
export const patch = <T>(path: string, body: unknown) => api<T>(path, { method: 'PATCH', body });
export const put = <T>(path: string, body: unknown) => api<T>(path, { method: 'PUT', body });

export interface UploadOptions {
  /** Called with 0–1 as the file goes up (slow links: big SDP exports take a while). */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/**
 * POSTs a multipart form (a file and its fields) with the CSRF token. XMLHttpRequest rather than
 * fetch, for upload progress events. The content type is left to the browser, which adds the
 * multipart boundary. Errors come back as `ApiError`, like `api()`.
 */
export function upload<T>(path: string, form: FormData, opts: UploadOptions = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', buildUrl(path));
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) opts.onProgress?.(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', ''));
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
    xhr.onload = () => {
      let data: unknown = undefined;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        data = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(data as T);
        return;
      }
      const e = (data as ErrorBody | undefined)?.error;
      const error = new ApiError(xhr.status, e?.code ?? `HTTP_${xhr.status}`, e?.message ?? xhr.statusText, e?.fields ?? {});
      if (xhr.status === 401) onAuthProblem('unauthenticated');
      else if (xhr.status === 403 && error.code === 'PASSWORD_CHANGE_REQUIRED') onAuthProblem('password-change');
      reject(error);
    };
    opts.signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(form);
  });
}
