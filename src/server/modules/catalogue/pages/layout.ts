import type { Lang } from '../../../../shared/i18n/lang.ts';
import type { CatalogueItem } from '../../../../shared/schemas/catalogue.ts';
import { html, queryString, raw, type SafeHtml } from './html.ts';
import { CATEGORY_LABELS, rupiah, strings } from './strings.ts';

/** What every page needs to know about the request: language, whether it was chosen in the URL, the site's origin. */
export interface PageContext {
  lang: Lang;
  /** Set when the language came from `?lang=`: links keep it. */
  langParam: Lang | undefined;
  origin: string;
  path: string;
  query: Record<string, string>;
}

/** A catalogue link keeping the chosen language. */
export function link(ctx: PageContext, path: string, params: Record<string, string | number | undefined | null> = {}): string {
  return path + queryString({ ...params, lang: ctx.langParam });
}

const CSS = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2933;background:#f7f8fa}
a{color:#0b5cad}a:focus,button:focus,input:focus,select:focus,textarea:focus{outline:3px solid #f59e0b;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:8px;z-index:2}
header{background:#0b3d6e;color:#fff;padding:12px 16px}header a{color:#fff}.bar{max-width:1100px;margin:0 auto;display:flex;gap:12px;align-items:center;justify-content:space-between;flex-wrap:wrap}
.brand{font-weight:700;text-decoration:none;font-size:1.1rem}main{max-width:1100px;margin:0 auto;padding:16px}
h1{font-size:1.5rem;margin:.2em 0 .5em}h2{font-size:1.2rem}
.search{display:grid;gap:8px;grid-template-columns:1fr;background:#fff;padding:12px;border-radius:8px;border:1px solid #d9dee5}
@media(min-width:700px){.search{grid-template-columns:2fr 3fr auto;align-items:end}}
.filters summary{cursor:pointer;font-weight:600;padding:6px 0}.filter-grid{display:grid;gap:8px;grid-template-columns:1fr 1fr}
label{display:block;font-size:.85rem;font-weight:600;margin-bottom:2px}input,select,textarea{width:100%;font:inherit;padding:8px;border:1px solid #7b8794;border-radius:6px;background:#fff}
button,.btn{display:inline-block;font:inherit;font-weight:600;padding:9px 16px;border-radius:6px;border:0;background:#0b5cad;color:#fff;text-decoration:none;cursor:pointer}
.grid{display:grid;gap:12px;grid-template-columns:repeat(auto-fill,minmax(160px,1fr));padding:0;list-style:none}
.card{background:#fff;border:1px solid #d9dee5;border-radius:8px;overflow:hidden;display:flex;flex-direction:column}
.card img,.photo img{width:100%;height:auto;aspect-ratio:1;object-fit:cover;display:block;background:#eef1f4}.card div{padding:8px}
.card a{text-decoration:none;color:#1f2933;font-weight:600}.price{font-weight:700;color:#0b3d6e}.muted{color:#52606d;font-size:.9rem}
.badge{display:inline-block;font-size:.8rem;padding:1px 8px;border-radius:10px;background:#e3f2e6;color:#1e5631}.badge.limited{background:#fff4d6;color:#7a4d00}.badge.preorder{background:#eceff1;color:#37474f}
.pager{display:flex;gap:12px;align-items:center;justify-content:center;margin:16px 0}
.product{display:grid;gap:16px}@media(min-width:760px){.product{grid-template-columns:1fr 1fr}}
.thumbs{display:flex;gap:6px;flex-wrap:wrap}.thumbs img{width:64px;height:64px;object-fit:cover;border-radius:4px}
.panel{background:#fff;border:1px solid #d9dee5;border-radius:8px;padding:12px 16px;margin:12px 0}
.err{color:#b00020;font-size:.9rem;margin:2px 0 0}.alert{background:#fdecea;color:#8a1c1c;border-radius:6px;padding:10px 12px}
.field{margin-bottom:12px}.hint{color:#52606d;font-size:.85rem;margin:2px 0 0}.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
table{width:100%;border-collapse:collapse;background:#fff}th,td{text-align:left;padding:6px;border-bottom:1px solid #d9dee5}td input{max-width:110px}
footer{max-width:1100px;margin:24px auto;padding:0 16px;color:#52606d;font-size:.85rem}fieldset{border:1px solid #d9dee5;border-radius:8px;background:#fff;margin:0 0 12px}
`.replace(/\n/g, '');

export interface PageMeta {
  title: string;
  description: string;
  /** Absolute or site path of the preview image. */
  image?: string;
  canonical?: string;
  type?: 'website' | 'product';
  jsonLd?: unknown;
}

const absolute = (ctx: PageContext, url: string) => (url.startsWith('http') ? url : ctx.origin + url);

export function page(ctx: PageContext, meta: PageMeta, body: SafeHtml): string {
  const s = strings(ctx.lang);
  const other = ctx.lang === 'en' ? 'id' : 'en';
  const switchHref = ctx.path + queryString({ ...ctx.query, lang: other });
  const title = meta.title === s.siteName ? s.siteName : `${meta.title} · ${s.siteName}`;
  const image = meta.image ? absolute(ctx, meta.image) : undefined;
  const canonical = absolute(ctx, meta.canonical ?? ctx.path);
  const ld = meta.jsonLd ? raw(`<script type="application/ld+json">${JSON.stringify(meta.jsonLd).replace(/</g, '\\u003c')}</script>`) : '';
  return `<!doctype html>${html`<html lang="${ctx.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title}</title><meta name="description" content="${meta.description}"><link rel="canonical" href="${canonical}">
<meta property="og:site_name" content="${s.siteName}"><meta property="og:type" content="${meta.type ?? 'website'}"><meta property="og:title" content="${meta.title}">
<meta property="og:description" content="${meta.description}"><meta property="og:url" content="${canonical}"><meta property="og:locale" content="${ctx.lang === 'en' ? 'en_GB' : 'id_ID'}">
${image ? html`<meta property="og:image" content="${image}"><meta name="twitter:image" content="${image}">` : ''}
<meta name="twitter:card" content="${image ? 'summary_large_image' : 'summary'}"><meta name="twitter:title" content="${meta.title}"><meta name="twitter:description" content="${meta.description}">
<link rel="alternate" hreflang="${other}" href="${absolute(ctx, switchHref)}"><style>${raw(CSS)}</style>${ld}</head>
<body><a class="skip" href="#main">${ctx.lang === 'en' ? 'Skip to content' : 'Lewati ke isi'}</a>
<header><div class="bar"><a class="brand" href="${link(ctx, '/katalog')}">${s.siteName}</a><a href="${switchHref}" hreflang="${other}" lang="${other}">${s.language}</a></div></header>
<main id="main">${body}</main><footer><p>${s.tagline}. ${s.demoNote}</p></footer></body></html>`.value}`;
}

export function categoryLabel(category: string, lang: Lang): string {
  return CATEGORY_LABELS[category]?.[lang] ?? category;
}

export function availabilityBadge(ctx: PageContext, a: CatalogueItem['availability']): SafeHtml {
  return html`<span class="badge ${a}">${strings(ctx.lang).availability[a]}</span>`;
}

export function productCard(ctx: PageContext, p: CatalogueItem): SafeHtml {
  const s = strings(ctx.lang);
  const alt = p.illustrative ? `${s.illustration}: ${categoryLabel(p.category, ctx.lang)}` : p.name;
  return html`<li class="card"><img src="${p.imageUrl}" alt="${alt}" width="400" height="400" loading="lazy" decoding="async">
<div><a href="${link(ctx, `/katalog/produk/${p.ref}`)}">${p.name}</a>
<p class="price">${rupiah(p.priceRupiah, ctx.lang)} <span class="muted">${s.perUnit} ${p.unit}</span></p>
<p class="muted">${p.uptName}${p.provinceName ? html`, ${p.provinceName}` : ''}</p>${availabilityBadge(ctx, p.availability)}</div></li>`;
}
