// A visible drop zone around a file button: files dragged from the computer and dropped anywhere on
// the page are taken, as if chosen with the button (which stays: it is the keyboard way to do the same).
import { element } from "./dialog.js";

function carriesFiles(event) {
  return Boolean(event.dataTransfer && [...event.dataTransfer.types].includes("Files"));
}

export class DropZone {
  /**
   * @param {{id: string, label: string, text: string, accept: string, onFiles: (files: File[]) => void}} options
   *   ``id`` of the file input, ``label`` of its button, ``text`` the zone's own words.
   */
  constructor({ id, label, text, accept, onFiles }) {
    this.onFiles = onFiles;
    this.input = element("input", {
      type: "file",
      id,
      multiple: "",
      accept,
      className: "pv-visually-hidden",
    });
    this.input.addEventListener("change", () => {
      const files = [...this.input.files];
      this.input.value = "";
      if (files.length) onFiles(files);
    });
    this.root = element("div", { className: "pv-dropzone" }, [
      element("p", { className: "pv-dropzone__text", text }),
      this.input,
      element("label", { for: id, className: "md-button pv-button pv-file-button", text: label }),
    ]);
    // Listening on the whole document: a file dropped beside the zone would otherwise be opened by
    // the browser in place of the page, and everything combined so far would be gone.
    this.listeners = {
      dragenter: (event) => this.over(event),
      dragover: (event) => this.over(event),
      dragleave: (event) => {
        if (!event.relatedTarget) this.highlight(false); // the pointer left the window
      },
      drop: (event) => this.drop(event),
    };
    for (const [type, listener] of Object.entries(this.listeners)) document.addEventListener(type, listener);
  }

  over(event) {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    this.highlight(true);
  }

  drop(event) {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    this.highlight(false);
    const files = [...event.dataTransfer.files];
    if (files.length) this.onFiles(files);
  }

  highlight(on) {
    this.root.classList.toggle("pv-dropzone--active", on);
  }

  destroy() {
    for (const [type, listener] of Object.entries(this.listeners))
      document.removeEventListener(type, listener);
  }
}
