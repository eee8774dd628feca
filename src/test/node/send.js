// Sends messages to the bridge's ingest queue with a third-party client, as an ERP would.
//   node send.js <amqp|stomp> <host> <port> <user> <password> <queue> <messages.json>
// messages.json: [{"editId": "...", "body": "..."}]. Exits 0 once the broker has accepted every message.
'use strict';
const fs = require('fs');
const [protocol, host, port, user, password, queue, file] = process.argv.slice(2);
const messages = JSON.parse(fs.readFileSync(file, 'utf8'));

function fail(e) {
  console.error(protocol + ': ' + (e && e.message ? e.message : e));
  process.exit(1);
}
setTimeout(() => fail('timed out'), 30000).unref();

if (protocol === 'amqp') {
  const container = require('rhea').create_container();
  let accepted = 0;
  container.on('sendable', (ctx) => {
    if (ctx.sender.sent) return;
    ctx.sender.sent = true;
    for (const m of messages) {
      ctx.sender.send({ body: m.body, application_properties: { editId: m.editId }, durable: true });
    }
  });
  container.on('accepted', (ctx) => {
    if (++accepted === messages.length) ctx.connection.close();
  });
  container.on('rejected', (ctx) => fail('rejected: ' + JSON.stringify(ctx.delivery.remote_state)));
  container.on('connection_close', () => process.exit(accepted === messages.length ? 0 : 1));
  container.on('error', fail);
  container.on('disconnected', (ctx) => { if (ctx.error) fail(ctx.error); });
  const connection = container.connect({ host, port: Number(port), username: user, password, reconnect: false });
  connection.open_sender({ target: { address: queue } });
} else if (protocol === 'stomp') {
  const stompit = require('stompit');
  stompit.connect({ host, port: Number(port), connectHeaders: { host: '/', login: user, passcode: password } },
    (error, client) => {
      if (error) return fail(error);
      client.on('error', fail);
      let receipts = 0;
      for (const m of messages) {
        const frame = client.send({ destination: queue, 'destination-type': 'ANYCAST',
          'content-type': 'application/json', editId: m.editId }, {
          onReceipt: () => { if (++receipts === messages.length) client.disconnect(() => process.exit(0)); }
        });
        frame.write(m.body);
        frame.end();
      }
    });
} else {
  fail('unknown protocol ' + protocol);
}
