// Passkeys and security keys (WebAuthn). A form with data-webauthn="create" or "get" asks the server for the
// ceremony's options (data-options, posted with the form's antiforgery token), lets the browser talk to the
// authenticator, puts its answer (JSON, binary fields in base64url) in the form's Credential field and submits it.
(function () {
  function toBytes(base64url) {
    const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((base64url.length + 3) % 4);
    return Uint8Array.from(atob(base64), function (c) { return c.charCodeAt(0); });
  }
  function toBase64url(buffer) {
    if (!buffer) return null;
    let text = "";
    new Uint8Array(buffer).forEach(function (b) { text += String.fromCharCode(b); });
    return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }
  function descriptors(list) {
    return (list || []).map(function (d) { return Object.assign({}, d, { id: toBytes(d.id) }); });
  }
  function creationOptions(o) {
    const publicKey = Object.assign({}, o, {
      challenge: toBytes(o.challenge),
      user: Object.assign({}, o.user, { id: toBytes(o.user.id) }),
      excludeCredentials: descriptors(o.excludeCredentials),
    });
    delete publicKey.attestationFormats;
    delete publicKey.hints;
    return { publicKey: publicKey };
  }
  function requestOptions(o) {
    const publicKey = Object.assign({}, o, { challenge: toBytes(o.challenge), allowCredentials: descriptors(o.allowCredentials) });
    delete publicKey.hints;
    return { publicKey: publicKey };
  }
  function answer(credential) {
    const r = credential.response;
    const response = { clientDataJSON: toBase64url(r.clientDataJSON) };
    if (r.attestationObject) {
      response.attestationObject = toBase64url(r.attestationObject);
      response.transports = typeof r.getTransports === "function" ? r.getTransports() : [];
    } else {
      response.authenticatorData = toBase64url(r.authenticatorData);
      response.signature = toBase64url(r.signature);
      response.userHandle = toBase64url(r.userHandle);
    }
    return JSON.stringify({
      id: credential.id,
      rawId: toBase64url(credential.rawId),
      type: credential.type,
      response: response,
      clientExtensionResults: credential.getClientExtensionResults ? credential.getClientExtensionResults() : {},
    });
  }
  function show(form, message) {
    const box = form.querySelector("[data-webauthn-error]");
    if (!box) return;
    box.textContent = message;
    box.hidden = false;
  }
  async function run(form) {
    if (!window.PublicKeyCredential || !navigator.credentials) {
      show(form, "This browser cannot use passkeys or security keys.");
      return;
    }
    const reply = await fetch(form.getAttribute("data-options"), { method: "POST", body: new FormData(form), credentials: "same-origin" });
    const options = await reply.json().catch(function () { return {}; });
    if (!reply.ok) {
      show(form, options.error || "The server refused to start (" + reply.status + "); reload the page and try again.");
      return;
    }
    let credential;
    try {
      credential = form.getAttribute("data-webauthn") === "create"
        ? await navigator.credentials.create(creationOptions(options))
        : await navigator.credentials.get(requestOptions(options));
    } catch (e) {
      show(form, e && e.name === "NotAllowedError"
        ? "No key answered, or the request was cancelled. Try again."
        : e && e.name === "InvalidStateError" ? "This key is already registered for your account." : "The key could not be used: " + (e && e.message));
      return;
    }
    if (!credential) return;
    form.querySelector("input[name=Credential]").value = answer(credential);
    HTMLFormElement.prototype.submit.call(form);
  }
  document.addEventListener("submit", function (event) {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-webauthn")) return;
    if (form.querySelector("input[name=Credential]").value) return;
    event.preventDefault();
    const button = form.querySelector("button[type=submit]");
    if (button) button.disabled = true;
    run(form).finally(function () { if (button) button.disabled = false; });
  });
})();
