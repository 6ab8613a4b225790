// Small DOM helpers: modal dialogs on the native <dialog> element (focus moves in, stays in, Esc cancels,
// focus returns to where it was), element creation and downloads. Text is always set with textContent.

function element(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (name === "text") node.textContent = value;
    else if (name === "className") node.className = value;
    else node.setAttribute(name, value);
  }
  for (const child of children) node.append(child);
  return node;
}

/**
 * A sentence with user-supplied names isolated in <bdi>, so a name in a right-to-left script
 * (or with a U+202E override) cannot reorder the text around it. Use as a tagged template:
 * named`Gjennomgangen «${name}» er slettet.` gives nodes for element() children.
 */
function named(strings, ...names) {
  const nodes = [];
  strings.forEach((text, index) => {
    if (text) nodes.push(document.createTextNode(text));
    if (index < names.length) nodes.push(element("bdi", { text: String(names[index]) }));
  });
  return nodes;
}

/** Text (a string) or nodes from named() as the content of node. */
function setContent(node, content) {
  if (Array.isArray(content))
    node.replaceChildren(...content.map((part) => (part instanceof Node ? part.cloneNode(true) : part)));
  else node.textContent = content;
  return node;
}

let counter = 0;

/**
 * Show a modal dialog and resolve with the value of the button pressed (null on Esc/cancel).
 * @param {{title: string, message?: string|string[], buttons: {value: string, label: string, primary?: boolean, danger?: boolean}[], input?: {label: string, value: string, readonly?: boolean}, select?: {label: string, options: {value: string, label: string}[]}, signal?: AbortSignal}} options
 *   ``signal``: aborting it closes the dialog as if cancelled.
 */
export function ask({ title, message = [], buttons, input, select, signal }) {
  const id = `pv-dialog-${++counter}`;
  const opener = document.activeElement;
  const dialog = element("dialog", { className: "pv-dialog md-typeset", "aria-labelledby": `${id}-title` });
  const form = element("form", { method: "dialog" });
  form.append(element("h2", { id: `${id}-title`, className: "pv-dialog__title", text: title }));
  const lines =
    Array.isArray(message) && message.some((part) => part instanceof Node) ? [message] : [].concat(message);
  for (const line of lines) form.append(setContent(element("p"), line));
  let field = null;
  if (input) {
    field = element("input", {
      type: "text",
      id: `${id}-input`,
      value: input.value,
      autocomplete: "off",
      required: "",
    });
    if (input.readonly) field.readOnly = true;
    form.append(
      element("div", { className: "pv-field" }, [
        element("label", { for: `${id}-input`, text: input.label }),
        field,
      ]),
    );
  } else if (select) {
    field = element(
      "select",
      { id: `${id}-select` },
      select.options.map((option) => element("option", { value: option.value, text: option.label })),
    );
    form.append(
      element("div", { className: "pv-field" }, [
        element("label", { for: `${id}-select`, text: select.label }),
        field,
      ]),
    );
  }
  const row = element("div", { className: "pv-dialog__buttons" });
  for (const button of buttons) {
    const classes = [
      "md-button",
      button.primary ? "md-button--primary" : "",
      button.danger ? "pv-button--danger" : "",
    ]
      .join(" ")
      .trim();
    row.append(
      setContent(
        element("button", {
          type: button.value === "cancel" ? "button" : "submit",
          value: button.value,
          className: classes,
        }),
        button.label,
      ),
    );
  }
  form.append(row);
  dialog.append(form);
  document.body.append(dialog);
  return new Promise((resolve) => {
    let result = null;
    row.addEventListener("click", (event) => {
      const button = event.target.closest("button");
      if (!button) return;
      if (button.value === "cancel") {
        dialog.close();
        return;
      }
      if (field && !field.value.trim()) {
        event.preventDefault();
        field.focus();
        return;
      }
      result = button.value;
    });
    dialog.addEventListener("close", () => {
      const value = field ? field.value.trim() : null;
      dialog.remove();
      if (opener && opener.isConnected) opener.focus();
      resolve(result === null ? null : field ? { choice: result, value } : result);
    });
    if (signal) signal.addEventListener("abort", () => dialog.open && dialog.close(), { once: true });
    dialog.showModal();
    (field || row.querySelector(".md-button--primary") || row.querySelector("button")).focus();
  });
}

/** Today's date in the user's own time zone, as YYYY-MM-DD (for file names and meeting dates). */
export function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** Offer an engine export ({filename, mime, data: Uint8Array}) to the user as a download. */
export function saveFile(file) {
  const url = URL.createObjectURL(new Blob([file.data], { type: file.mime }));
  const link = element("a", { href: url, download: file.filename, hidden: "" });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export { element, named, setContent };
