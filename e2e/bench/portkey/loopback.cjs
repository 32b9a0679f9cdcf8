// Preloaded into the Portkey gateway (node -r): its server calls listen(port) without a host, which binds every
// interface; the benchmark keeps it on loopback.
'use strict';
const net = require('net');
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const first = args[0];
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    if (typeof args[1] !== 'string') { // no host: (port), (port, cb), (port, undefined, cb), (port, backlog, cb)
      if (args.length >= 2 && (args[1] === undefined || args[1] === null)) args[1] = '127.0.0.1';
      else args.splice(1, 0, '127.0.0.1');
    }
  } else if (first && typeof first === 'object' && first.port !== undefined && !first.host && !first.path) {
    args[0] = { ...first, host: '127.0.0.1' };
  }
  return listen.apply(this, args);
};
