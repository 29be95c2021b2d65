/*
 * Kessai mp-token.js: window.Multipayment for merchant pages, as GMO-PG's loader @mul-pay/mptoken-js (1.0.3) expects
 * it (written for Kessai from that package's TypeScript declarations; no GMO-PG code). Card data is encrypted in the
 * browser with the shop's public key (Web Crypto, RSA-OAEP with SHA-256) and sent to Kessai's token endpoint, which
 * answers single-use tokens. With createElements() the card fields live in iframes served by Kessai: the merchant's
 * page never sees the card data, only change events and the tokens.
 *
 * Legacy result codes (getToken): 000 success; the token endpoint's codes (100-191, docs/openapi.md); 160 no API key,
 * 170 no public key, 180 public key unusable, 701 no card object, 901 the token endpoint could not be reached or
 * Web Crypto is missing (pages must be served over https or from localhost).
 */
(function () {
  'use strict';
  if (window.Multipayment) {
    return;
  }
  var script = document.currentScript;
  var ORIGIN = script && script.src ? new URL(script.src, location.href).origin : location.origin;
  var TOKEN_URL = ORIGIN + '/payment/CreateToken.json';
  var ELEMENT_URL = ORIGIN + '/payment/js/mp-token-element.html';
  var MARK = 'kessaiMpToken';
  var ELEMENT_TYPES = ['cardNumber', 'cardExpiry', 'cardCvc'];
  var IFRAME_TIMEOUT_MS = 30000;

  function bytesFromBase64(text) {
    var binary = atob(text);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes;
  }

  function base64FromBytes(bytes) {
    var binary = '';
    for (var i = 0; i < bytes.length; i++) {
      binary += String.fromCharCode(bytes[i]);
    }
    return btoa(binary);
  }

  function text(value) {
    return value === undefined || value === null ? '' : String(value);
  }

  function errorResponse(code, field, detail) {
    return { result: 'validation_error', errorList: [{ title: 'validation_error', field: field, detail: detail, legacyCode: code }] };
  }

  function systemError() {
    return { result: 'system_error', errorList: [{ title: 'system_error', detail: 'The token service could not be reached.', legacyCode: '901' }] };
  }

  function randomId() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  /** Encrypts {card: …} with the public key and asks the token endpoint for count tokens; resolves to its JSON. */
  function createTokens(apiKey, pubKey, card, count) {
    if (!apiKey) {
      return Promise.resolve(errorResponse('160', 'apiKey', 'The API key is required.'));
    }
    if (!pubKey) {
      return Promise.resolve(errorResponse('170', 'pubKey', 'The public key is required.'));
    }
    if (!window.crypto || !window.crypto.subtle) {
      return Promise.resolve(systemError());
    }
    var keyBytes;
    try {
      keyBytes = bytesFromBase64(pubKey);
    } catch (e) {
      return Promise.resolve(errorResponse('180', 'pubKey', 'The public key cannot be used.'));
    }
    return crypto.subtle.importKey('spki', keyBytes, { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['encrypt'])
      .then(function (key) {
        var plain = new TextEncoder().encode(JSON.stringify({ card: card }));
        return crypto.subtle.encrypt({ name: 'RSA-OAEP' }, key, plain).then(function (encrypted) {
          var body = { encryptionParameters: { type: 'UNIQUE_PK', apiKey: apiKey },
            encryptedData: base64FromBytes(new Uint8Array(encrypted)) };
          if (count !== undefined && count !== null && count !== '') {
            body.createCount = text(count);
          }
          return fetch(TOKEN_URL, { method: 'POST', mode: 'cors', credentials: 'omit',
            headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
            .then(function (response) { return response.json(); })
            .catch(function () { return systemError(); });
        });
      }, function () {
        return errorResponse('180', 'pubKey', 'The public key cannot be used.');
      });
  }

  /** The legacy card object ({cardNo, expire YYYYMM|YYMM, securityCode, holderName, tokenNumber}; lower-case too). */
  function legacyCard(cardObj) {
    function pick(camel, lower) {
      var value = cardObj[camel];
      return text(value === undefined || value === null ? cardObj[lower] : value);
    }
    var expire = pick('expire', 'expire');
    var card = { cardNumber: pick('cardNo', 'cardno') };
    if (expire !== '') {
      if (!/^[0-9]+$/.test(expire)) {
        return { code: '111' };
      }
      if (expire.length === 6) {
        card.expiryYear = expire.slice(0, 4);
        card.expiryMonth = expire.slice(4);
      } else if (expire.length === 4) {
        card.expiryYear = expire.slice(0, 2);
        card.expiryMonth = expire.slice(2);
      } else {
        return { code: '112' };
      }
    }
    var securityCode = pick('securityCode', 'securitycode');
    if (securityCode !== '') {
      card.securityCode = securityCode;
    }
    var holder = pick('holderName', 'holdername');
    if (holder !== '') {
      card.cardholderName = holder;
    }
    return { card: card, count: pick('tokenNumber', 'tokennumber') };
  }

  function legacyResponse(answer, several) {
    if (!answer || answer.result !== 'success') {
      var first = answer && answer.errorList && answer.errorList[0];
      return { resultCode: first && first.legacyCode ? first.legacyCode : '901' };
    }
    return { resultCode: '000', tokenObject: {
      token: several ? answer.tokenList : answer.tokenList[0],
      toBeExpiredAt: answer.tokenExpiryDate,
      maskedCardNo: answer.maskedCardNumber,
      isSecurityCodeSet: answer.isSecurityCodeSet } };
  }

  // ---- elements (iframes) ----------------------------------------------------------------------------------------

  var groups = {};
  var pending = {};

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (event.origin !== ORIGIN || !data || data[MARK] !== true) {
      return;
    }
    if (data.event === 'tokenResult') {
      var resolve = pending[data.id];
      if (resolve) {
        delete pending[data.id];
        resolve(data.result);
      }
      return;
    }
    var group = groups[data.group];
    var element = group && group.elements[data.elementType];
    if (!element || !element.iframe || event.source !== element.iframe.contentWindow) {
      return;
    }
    if (data.event === 'resize' && data.height) {
      element.iframe.style.height = data.height + 'px';
      return;
    }
    var payload = { elementType: data.elementType };
    if (data.event === 'change') {
      payload.empty = data.empty;
      payload.complete = data.complete;
      payload.error = data.error || undefined;
    }
    (element.handlers[data.event] || []).slice().forEach(function (handler) { handler(payload); });
  });

  function Element(group, type, options) {
    this.group = group;
    this.type = type;
    this.options = options || {};
    this.handlers = {};
    this.iframe = null;
  }

  Element.prototype.send = function (message) {
    if (this.iframe && this.iframe.contentWindow) {
      message[MARK] = true;
      this.iframe.contentWindow.postMessage(message, ORIGIN);
    }
  };
  Element.prototype.mount = function (wrapper) {
    var target = typeof wrapper === 'string' ? document.querySelector(wrapper) : wrapper;
    if (!target) {
      throw new Error('mp-token.js: mount() needs an element or a selector of one');
    }
    this.unmount();
    var config = { type: this.type, group: this.group.id, parent: location.origin, apiKey: this.group.instance.apiKey,
      pubKey: this.group.instance.pubKey, options: this.options };
    var iframe = document.createElement('iframe');
    iframe.src = ELEMENT_URL + '#' + encodeURIComponent(JSON.stringify(config));
    iframe.name = 'kessai-mptoken-' + this.type;
    iframe.title = { cardNumber: 'Card number', cardExpiry: 'Expiry', cardCvc: 'Security code' }[this.type];
    iframe.setAttribute('frameborder', '0');
    iframe.setAttribute('scrolling', 'no');
    iframe.setAttribute('allowtransparency', 'true');
    iframe.style.cssText = 'border:none;width:100%;height:1.6em;overflow:hidden;display:block;';
    target.appendChild(iframe);
    this.iframe = iframe;
  };
  Element.prototype.unmount = function () {
    if (this.iframe && this.iframe.parentNode) {
      this.iframe.parentNode.removeChild(this.iframe);
    }
    this.iframe = null;
  };
  Element.prototype.destroy = function () {
    this.unmount();
    delete this.group.elements[this.type];
  };
  Element.prototype.blur = function () { this.send({ command: 'blur' }); };
  Element.prototype.focus = function () { this.send({ command: 'focus' }); };
  Element.prototype.clear = function () { this.send({ command: 'clear' }); };
  Element.prototype.update = function (options) {
    for (var name in options || {}) {
      this.options[name] = options[name];
    }
    this.send({ command: 'update', options: this.options });
  };
  Element.prototype.on = function (eventType, handler) {
    (this.handlers[eventType] = this.handlers[eventType] || []).push(handler);
    return this;
  };
  Element.prototype.off = function (eventType, handler) {
    this.handlers[eventType] = (this.handlers[eventType] || []).filter(function (h) { return h !== handler; });
    return this;
  };

  function Elements(instance) {
    this.instance = instance;
    this.id = randomId();
    this.elements = {};
    groups[this.id] = this;
  }

  Elements.prototype.create = function (elementType, options) {
    if (ELEMENT_TYPES.indexOf(elementType) < 0) {
      throw new Error('mp-token.js: unknown element type ' + elementType);
    }
    if (this.elements[elementType]) {
      throw new Error('mp-token.js: a ' + elementType + ' element exists already');
    }
    return (this.elements[elementType] = new Element(this, elementType, options));
  };
  Elements.prototype.getElement = function (elementType) {
    return this.elements[elementType] || null;
  };

  // ---- the MultiPayment instance -------------------------------------------------------------------------------

  function MultiPayment(apiKey, pubKey, merchantIds, permitToSendFingerprint, productionMode) {
    this.apiKey = apiKey;
    this.pubKey = pubKey;
    this.merchantIds = merchantIds;
    this.productionMode = !!productionMode;
  }

  MultiPayment.prototype.init = function (apiKey, merchantIds, permitToSendFingerprint, productionMode) {
    this.apiKey = apiKey;
    this.merchantIds = merchantIds;
    this.productionMode = !!productionMode;
    return this;
  };

  MultiPayment.prototype.getToken = function (cardObj, callback) {
    var legacy = cardObj && typeof cardObj === 'object' ? legacyCard(cardObj) : { code: '701' };
    var answer = legacy.code ? Promise.resolve({ resultCode: legacy.code })
      : createTokens(this.apiKey, this.pubKey, legacy.card, legacy.count)
        .then(function (response) { return legacyResponse(response, legacy.count !== ''); });
    return answer.then(function (response) {
      var handler = typeof callback === 'string' ? window[callback] : callback;
      if (typeof handler === 'function') {
        handler(response);
      }
      return response;
    });
  };

  MultiPayment.prototype.getTokenThroughIframe = function (element, cardholderName, options) {
    var group = element && element.group;
    var number = group && group.getElement('cardNumber');
    if (!number || !number.iframe) {
      return Promise.resolve(errorResponse('100', 'card.cardNumber', 'The card number element is not mounted.'));
    }
    var id = randomId();
    return new Promise(function (resolve) {
      pending[id] = resolve;
      setTimeout(function () {
        if (pending[id]) {
          delete pending[id];
          resolve(systemError());
        }
      }, IFRAME_TIMEOUT_MS);
      number.send({ command: 'tokenize', id: id, cardholderName: text(cardholderName),
        tokenNumber: options && options.tokenNumber !== undefined ? text(options.tokenNumber) : '' });
    });
  };

  MultiPayment.prototype.createElements = function () {
    return new Elements(this);
  };

  /** Apple Pay and Google Pay through mp-token.js are not offered by Kessai yet (docs/compatibility.md). */
  MultiPayment.prototype.checkAvailability = function () {
    return { applePayAvailable: false, googlePayAvailable: false };
  };
  MultiPayment.prototype.createPaymentRequest = function () {
    return undefined;
  };
  MultiPayment.prototype.fetchEncryptedTokenObject = function () {
    return Promise.resolve(undefined);
  };

  /** Used by Kessai's own card element pages (same origin); not part of GMO-PG's interface. */
  MultiPayment.prototype.createTokensForElement = function (card, count) {
    return createTokens(this.apiKey, this.pubKey, card, count);
  };

  var current = null;
  window.Multipayment = {
    init: function (apiKey, pubKey, merchantIds, permitToSendFingerprint, productionMode) {
      current = new MultiPayment(apiKey, pubKey, merchantIds, permitToSendFingerprint, productionMode);
      return current;
    },
    getToken: function (cardObj, callback) {
      return current ? current.getToken(cardObj, callback) : Promise.resolve({ resultCode: '160' });
    }
  };
})();
