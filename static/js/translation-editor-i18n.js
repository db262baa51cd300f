// wagtail-localize's translation editor writes a few labels in English in its own
// JavaScript, where no catalogue reaches them. The editor's template gives their
// translations in data attributes; this puts them in place, and again after each
// re-render of the editor.
(function () {
  "use strict";

  function translate(root, strings) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var node;
    while ((node = walker.nextNode())) {
      var text = node.nodeValue;
      if (text === "More actions" && strings.moreActions) {
        node.nodeValue = strings.moreActions;
        continue;
      }
      var match = /^(.+) to (.+) translation$/.exec(text);
      if (match && strings.direction) {
        node.nodeValue = strings.direction.replace("{source}", match[1]).replace("{target}", match[2]);
      }
    }
  }

  function start() {
    var holder = document.querySelector("[data-translation-editor-strings]");
    var editor = document.querySelector(".js-translation-editor");
    if (!holder || !editor) {
      return;
    }
    var strings = holder.dataset;
    var observer = new MutationObserver(function () {
      observer.disconnect();
      translate(editor, strings);
      observer.observe(editor, { childList: true, subtree: true, characterData: true });
    });
    translate(editor, strings);
    observer.observe(editor, { childList: true, subtree: true, characterData: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
