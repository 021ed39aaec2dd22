// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  var copy = document.getElementById("copy-cite");
  if (copy && navigator.clipboard) {
    copy.hidden = false;
    copy.addEventListener("click", function () {
      var text = document.getElementById(copy.dataset.copy).textContent;
      navigator.clipboard.writeText(text).then(function () { copy.textContent = copy.dataset.done; });
    });
  }
  var print = document.getElementById("print");
  if (print) {
    print.hidden = false;
    print.addEventListener("click", function () { window.print(); });
  }
  // The next chapter loads as the reader nears the end of this one; the link stays for everyone else.
  function watch(link) {
    if (!link || !("IntersectionObserver" in window)) return;
    var seen = new IntersectionObserver(function (entries) {
      if (!entries[0].isIntersecting) return;
      seen.disconnect();
      fetch(link.dataset.fragment, { credentials: "same-origin" })
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.text(); })
        .then(function (html) {
          var box = document.createElement("div");
          box.innerHTML = html;
          var chunk = box.firstElementChild;
          link.parentNode.replaceWith(chunk);
          watch(chunk.querySelector("a[data-fragment]"));
        })
        .catch(function () { /* the link still works */ });
    }, { rootMargin: "600px" });
    seen.observe(link);
  }
  watch(document.querySelector("#text a[data-fragment]"));
  // The search form posts, so that a pasted letter of any length is searched (kenes/portal/search_form.py);
  // a search that fits an address is asked at its address instead, sparing a slow phone the redirect.
  var GET_LIMIT = 6000;  // search_form.GET_LIMIT
  Array.prototype.forEach.call(document.querySelectorAll("form.search[method=post]"), function (form) {
    form.addEventListener("submit", function (event) {
      var submitter = event.submitter;
      if (submitter && submitter.name === "unfiltered") return;  // (the server drops the filters)
      if (submitter && submitter.hasAttribute("formaction")) return;  // the language switcher's own view
      var data = new FormData(form);
      if (submitter && submitter.name) data.append(submitter.name, submitter.value);
      var query = new URLSearchParams(data).toString();
      if (query.length > GET_LIMIT) return;
      event.preventDefault();
      window.location.assign(form.action + "?" + query);
    });
  });
})();
