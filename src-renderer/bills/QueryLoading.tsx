/** While a view of the code's data loads from the kiosk's own store (usually a blink). */
export function QueryLoading({ what }: { readonly what: string }) {
  return (
    <section className="bills-card bills-loading" aria-busy="true">
      <span className="bills-spinner" aria-hidden="true" />
      <p className="bills-lead" role="status">
        Consultando {what}…
      </p>
    </section>
  );
}
