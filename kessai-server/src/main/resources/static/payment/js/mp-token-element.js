/*
 * One card field of Kessai's mp-token.js elements (cardNumber, cardExpiry or cardCvc), in an iframe on Kessai's
 * origin. The value never leaves this origin: the merchant's page receives change/focus/blur events, and on
 * getTokenThroughIframe the card number field collects the other two fields' values over a BroadcastChannel (same
 * origin only), encrypts the card and asks for tokens itself, then hands the page the token answer alone.
 */
(function () {
  'use strict';
  var MARK = 'kessaiMpToken';
  var config = JSON.parse(decodeURIComponent(location.hash.slice(1)));
  var type = config.type;
  var input = document.getElementById('field');
  var channel = new BroadcastChannel('kessai-mptoken-' + config.group);
  var SETTINGS = {
    cardNumber: { autocomplete: 'cc-number', placeholder: '1234 1234 1234 1234', maxLength: 19 },
    cardExpiry: { autocomplete: 'cc-exp', placeholder: 'MM / YY', maxLength: 7 },
    cardCvc: { autocomplete: 'cc-csc', placeholder: 'CVC', maxLength: 4 }
  };
  var ERRORS = {
    cardNumber: { code: 101, message: 'The card number is not valid.' },
    cardExpiry: { code: 113, message: 'The expiry is not valid.' },
    cardCvc: { code: 122, message: 'The security code is not valid.' }
  };

  function post(message) {
    message[MARK] = true;
    message.group = config.group;
    message.elementType = type;
    parent.postMessage(message, config.parent);
  }

  function digits() {
    return input.value.replace(/[^0-9]/g, '');
  }

  function luhn(number) {
    var sum = 0;
    for (var i = 0; i < number.length; i++) {
      var d = number.charCodeAt(number.length - 1 - i) - 48;
      if (i % 2 === 1) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
    }
    return sum % 10 === 0;
  }

  function expiry() {
    var parts = input.value.split('/');
    return { month: (parts[0] || '').trim(), year: (parts[1] || '').trim() };
  }

  function complete() {
    var value = digits();
    if (type === 'cardNumber') {
      return value.length >= 10 && value.length <= 16 && luhn(value);
    }
    if (type === 'cardExpiry') {
      var e = expiry();
      return /^[0-9]{2}$/.test(e.month) && +e.month >= 1 && +e.month <= 12 && /^([0-9]{2}|[0-9]{4})$/.test(e.year);
    }
    return /^[0-9]{3,4}$/.test(input.value);
  }

  function applyOptions(options) {
    options = options || {};
    var setting = SETTINGS[type];
    input.autocomplete = setting.autocomplete;
    input.maxLength = setting.maxLength;
    input.placeholder = options.placeholder || setting.placeholder;
    input.disabled = !!options.disabled;
    var base = options.style && options.style.base;
    for (var name in base || {}) {
      if (typeof base[name] === 'string' && name.charAt(0) !== ':') {
        input.style[name] = base[name];
      }
    }
  }

  function format() {
    if (type === 'cardNumber') {
      input.value = digits().slice(0, 16).replace(/(.{4})(?=.)/g, '$1 ');
    } else if (type === 'cardExpiry') {
      var value = digits().slice(0, 6);
      input.value = value.length > 2 ? value.slice(0, 2) + ' / ' + value.slice(2) : value;
    } else {
      input.value = digits().slice(0, 4);
    }
  }

  input.addEventListener('input', function () {
    format();
    var empty = input.value === '';
    var done = complete();
    var full = type === 'cardNumber' ? digits().length >= 16 : type === 'cardExpiry' ? digits().length >= 4 : false;
    var error = !empty && !done && full
      ? { type: 'validation_error', code: ERRORS[type].code, message: ERRORS[type].message } : undefined;
    post({ event: 'change', empty: empty, complete: done, error: error });
  });
  input.addEventListener('focus', function () { post({ event: 'focus' }); });
  input.addEventListener('blur', function () { post({ event: 'blur' }); });

  // the number field asks its siblings for their values; each answers on the same-origin channel only
  var waiting = {};
  channel.onmessage = function (event) {
    var data = event.data || {};
    if (data.ask && type !== 'cardNumber') {
      channel.postMessage({ answer: data.ask, elementType: type, value: input.value });
    } else if (data.answer && waiting[data.answer]) {
      waiting[data.answer][data.elementType] = data.value;
    }
  };

  function siblingValues() {
    var id = Math.random().toString(36).slice(2) + Date.now();
    waiting[id] = {};
    channel.postMessage({ ask: id });
    return new Promise(function (resolve) {
      var started = Date.now();
      (function check() {
        var values = waiting[id];
        if ((values.cardExpiry !== undefined && values.cardCvc !== undefined) || Date.now() - started > 500) {
          delete waiting[id];
          resolve(values);
        } else {
          setTimeout(check, 20);
        }
      })();
    });
  }

  function tokenize(message) {
    siblingValues().then(function (values) {
      var parts = (values.cardExpiry || '').split('/');
      var card = { cardNumber: digits(), expiryMonth: (parts[0] || '').trim(), expiryYear: (parts[1] || '').trim() };
      var cvc = (values.cardCvc || '').trim();
      if (cvc !== '') {
        card.securityCode = cvc;
      }
      if (message.cardholderName) {
        card.cardholderName = message.cardholderName;
      }
      var instance = window.Multipayment.init(config.apiKey, config.pubKey);
      return instance.createTokensForElement(card, message.tokenNumber);
    }).then(function (result) {
      post({ event: 'tokenResult', id: message.id, result: result });
    });
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (event.source !== parent || event.origin !== config.parent || !data || data[MARK] !== true) {
      return;
    }
    if (data.command === 'focus') {
      input.focus();
    } else if (data.command === 'blur') {
      input.blur();
    } else if (data.command === 'clear') {
      input.value = '';
      post({ event: 'change', empty: true, complete: false });
    } else if (data.command === 'update') {
      applyOptions(data.options);
    } else if (data.command === 'tokenize' && type === 'cardNumber' && typeof data.id === 'string') {
      tokenize(data);
    }
  });

  applyOptions(config.options);
  post({ event: 'resize', height: Math.max(24, document.body.scrollHeight) });
  post({ event: 'ready' });
})();
