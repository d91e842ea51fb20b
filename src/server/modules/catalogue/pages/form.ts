import type { Lang } from '../../../../shared/i18n/lang.ts';
import { BUYER_KINDS, REQUEST_KINDS } from '../../../../shared/schemas/catalogue.ts';
import { html, raw, type SafeHtml } from './html.ts';
import { link, type PageContext } from './layout.ts';
import { rupiah, strings } from './strings.ts';

/** A product the order form offers (the chosen one first, then others of the same UPT). */
export interface FormProduct {
  id: number;
  name: string;
  unit: string;
  priceRupiah: number;
}

/** The form's raw values as the visitor typed them, re-shown after a refusal. */
export type FormValues = Record<string, string>;

export const HONEYPOT = 'website';
export const qtyField = (productId: number) => `qty_${productId}`;

function field(ctx: PageContext, name: string, label: string, values: FormValues, errors: Record<string, string>, opts: { type?: string; hint?: string; autocomplete?: string; required?: boolean; textarea?: boolean } = {}): SafeHtml {
  const err = errors[name];
  const hintId = opts.hint ? `${name}-hint` : undefined;
  const errId = err ? `${name}-err` : undefined;
  const ids = [hintId, errId].filter(Boolean).join(' ');
  const described = ids ? html` aria-describedby="${ids}"` : '';
  const control = opts.textarea
    ? html`<textarea id="${name}" name="${name}" rows="3"${described} ${err ? raw('aria-invalid="true"') : ''}>${values[name] ?? ''}</textarea>`
    : html`<input id="${name}" name="${name}" type="${opts.type ?? 'text'}" value="${values[name] ?? ''}" autocomplete="${opts.autocomplete ?? 'off'}"${described} ${opts.required ? raw('required') : ''} ${err ? raw('aria-invalid="true"') : ''}>`;
  return html`<div class="field"><label for="${name}">${label}</label>${control}${opts.hint ? html`<p class="hint" id="${hintId}">${opts.hint}</p>` : ''}${err ? html`<p class="err" id="${errId}">${err}</p>` : ''}</div>`;
}

function select(name: string, label: string, options: ReadonlyArray<{ value: string; label: string }>, values: FormValues, errors: Record<string, string>): SafeHtml {
  const err = errors[name];
  return html`<div class="field"><label for="${name}">${label}</label><select id="${name}" name="${name}"${err ? html` aria-invalid="true" aria-describedby="${name}-err"` : ''}>
${options.map((o) => html`<option value="${o.value}"${values[name] === o.value ? raw(' selected') : ''}>${o.label}</option>`)}</select>${err ? html`<p class="err" id="${name}-err">${err}</p>` : ''}</div>`;
}

export function orderForm(ctx: PageContext, opts: { productId: number; uptName: string; products: FormProduct[]; values: FormValues; errors: Record<string, string>; key: string; banner?: string }): SafeHtml {
  const s = strings(ctx.lang);
  const { values, errors } = opts;
  const lang: Lang = ctx.lang;
  return html`<h1>${s.formTitle}</h1><p>${s.formIntro}</p>
${opts.banner ? html`<p class="alert" role="alert">${opts.banner}</p>` : ''}
<form method="post" action="${link(ctx, '/katalog/pesan')}" novalidate>
<input type="hidden" name="produk" value="${opts.productId}"><input type="hidden" name="idempotencyKey" value="${opts.key}">
<fieldset><legend>${s.product} — ${opts.uptName}</legend>
${errors.lines ? html`<p class="err" id="lines-err">${errors.lines}</p>` : ''}
<table><thead><tr><th scope="col">${s.product}</th><th scope="col">${s.price}</th><th scope="col">${s.qty}</th></tr></thead><tbody>
${opts.products.map((p) => {
  const name = qtyField(p.id);
  const err = errors[name];
  return html`<tr><td><label for="${name}">${p.name}</label></td><td>${rupiah(p.priceRupiah, lang)} / ${p.unit}</td>
<td><input id="${name}" name="${name}" type="number" min="0" step="1" inputmode="numeric" value="${values[name] ?? ''}"${err ? html` aria-invalid="true" aria-describedby="${name}-err"` : ''}>${err ? html`<p class="err" id="${name}-err">${err}</p>` : ''}</td></tr>`;
})}
</tbody></table><p class="hint">${s.priceNote}</p></fieldset>
<fieldset><legend>${s.kind}</legend>
${select('kind', s.kind, REQUEST_KINDS.map((k) => ({ value: k, label: s.kinds[k] })), values, errors)}
${select('buyerKind', s.buyerKind, BUYER_KINDS.map((k) => ({ value: k, label: s.buyerKinds[k] })), values, errors)}
${field(ctx, 'buyerName', s.buyerName, values, errors, { autocomplete: 'name', required: true })}
${field(ctx, 'institution', s.institution, values, errors, { autocomplete: 'organization', hint: s.institutionHint })}
${field(ctx, 'email', s.email, values, errors, { type: 'email', autocomplete: 'email', hint: s.contactHint })}
${field(ctx, 'phone', s.phone, values, errors, { type: 'tel', autocomplete: 'tel' })}
${field(ctx, 'region', s.region, values, errors, { autocomplete: 'address-level2', hint: s.regionHint, required: true })}
${field(ctx, 'notes', s.notes, values, errors, { textarea: true })}
<div class="hp" aria-hidden="true"><label for="${HONEYPOT}">${s.honeypot}</label><input id="${HONEYPOT}" name="${HONEYPOT}" type="text" tabindex="-1" autocomplete="off"></div>
</fieldset>
<button type="submit">${s.send}</button></form>`;
}
