// Whether the browser will keep this site's storage: private and guest windows wipe it when
// closed, and without persistence the browser may clear it when space runs low.

/** true: kept; false: may be wiped; null: the browser cannot tell. Asks for persistence once. */
export async function storageWillLast() {
  try {
    if (!navigator.storage || !navigator.storage.persisted) return null;
    if (await navigator.storage.persisted()) return true;
    return navigator.storage.persist ? await navigator.storage.persist() : false;
  } catch {
    return null;
  }
}

export const NOT_LASTING =
  "Nettleseren har ikke lovet å ta vare på svarene. I et privat vindu eller gjestevindu slettes de når vinduet lukkes, og ellers kan nettleseren slette dem når lagringsplassen blir knapp. Eksporter svarene til en fil (for eksempel JSON) før dere avslutter.";
