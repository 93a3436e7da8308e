export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the Worker answers */
        get: operations["health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/checkout/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The hosted checkout page the customer is sent to (HTML) */
        get: operations["checkoutPage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/c/v1/sessions/{token}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The session's status from its SessionDO (no database read): the polling fallback of the live push */
        get: operations["getClientStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/c/v1/sessions/{token}/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A WebSocket over which the SessionDO pushes every status change to the open page */
        get: operations["liveClientStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/c/v1/sessions/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The session as the checkout page shows it: methods, amounts, plans */
        get: operations["getClientSession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/c/v1/sessions/{token}/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pay: the method, the customer and, for cards, the card (never stored) */
        post: operations["createClientPayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/c/v1/sessions/{token}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The customer gives up: the session is canceled and the cancel_url returned */
        post: operations["cancelClientSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/c/v1/sessions/{token}/simulate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Test mode: settle the pending payment as its gateway would */
        post: operations["simulateClientPayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/c/v1/sessions/{token}/payments/{paymentId}/barcode.svg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A boleto's ITF barcode as SVG */
        get: operations["boletoBarcode"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/c/v1/sessions/{token}/payments/{paymentId}/boleto": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The printable boleto (HTML) */
        get: operations["boletoPrintPage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/c/v1/sessions/{token}/payments/{paymentId}/qr.svg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A PIX payment's QR code as SVG */
        get: operations["pixQrCode"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/checkout/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an order, or update it by merchant_key while it is payable (Southpayments orders) */
        post: operations["ordersCreateOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/checkout/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The order's checkout link: sends the customer to the order's current session (signed) */
        get: operations["ordersCheckoutLink"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/js/v1/checkout.js": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The embeddable widget script (Fintoc-style create(...).open()); load it with its SRI hash */
        get: operations["widgetScript"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/js/v1/checkout.js.sri": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The widget script's SRI hash (sha384-...) */
        get: operations["widgetScriptIntegrity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/c/v1/widget/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which session a session_token opens, for the widget (public key) */
        get: operations["widgetSession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document */
        get: operations["openApiDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The API reference page (HTML) */
        get: operations["referencePage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/merchants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a merchant with its keys (operator only) */
        post: operations["createMerchant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/merchants/{id}/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Invite a person to a merchant's control panel; the answer holds the one-time invite link */
        post: operations["invitePanelUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/refunds/{id}/bank-account/{mac}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The customer's page to give the bank account a boleto, transfer or voucher refund goes to (HTML, linked from the refund) */
        get: operations["refundBankAccountPage"];
        put?: never;
        /** The customer's bank account for the refund (form post from that page) */
        post: operations["refundBankAccountSubmit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dev/mailbox/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Local development only: the customer messages kept in the dev mailbox (JSON) */
        get: operations["devMailboxMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dev/mailbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Local development only: the dev mailbox (HTML) */
        get: operations["devMailbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dev/mailbox/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Local development only: one message as its customer would see it */
        get: operations["devMailboxMessage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/gateways/{slug}/{merchantId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A gateway's notification about a payment, verified as that gateway documents it
         * @description Point each gateway's webhook setting here with your merchant id. The body and authentication are the gateway's own; Borda answers 200 once the event is applied (or recognised as a replay) and 401 when it is not authentic.
         */
        post: operations["receiveGatewayNotification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/checkout/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List checkout sessions, newest first */
        get: operations["listCheckoutSessions"];
        put?: never;
        /** Create a checkout session */
        post: operations["createCheckoutSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/checkout/sessions/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a checkout session with its payment attempts */
        get: operations["getCheckoutSession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/checkout/sessions/{token}/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The messages sent to the session's customer (e-mail, SMS), with attempts and provider ids */
        get: operations["listSessionNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/checkout/sessions/{token}/expire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Expire an open or pending session now */
        post: operations["expireCheckoutSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/checkout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a checkout session, the S-Interio cashier way (decimal amount, country) */
        post: operations["cashierCreateCheckout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/{id}/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refund a paid payment, in full (no amount) or in part */
        post: operations["createRefund"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept held money (late, duplicate or overpaid): the session becomes paid by it */
        post: operations["acceptPayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a payment with every gateway attempt */
        get: operations["getPayment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/test/payments/{id}/simulate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Test mode: settle a pending payment as its gateway would */
        post: operations["simulatePayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/test/refunds/{id}/simulate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Test mode: settle a pending refund as its gateway would */
        post: operations["simulateRefund"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/refunds/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a refund */
        get: operations["getRefund"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/refunds/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm a refund you paid yourself (a boleto or transfer refund waiting for you) */
        post: operations["confirmRefund"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/refunds/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a refund that has not been sent (waiting for bank details) */
        post: operations["cancelRefund"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List events, newest first */
        get: operations["listEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve an event with its deliveries and every attempt */
        get: operations["getEvent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/{id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deliver an event again to its endpoints (or to one, with endpoint_id) */
        post: operations["redeliverEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook_endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List this mode's webhook endpoints */
        get: operations["listWebhookEndpoints"];
        put?: never;
        /** Add a webhook endpoint to this mode */
        post: operations["createWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook_endpoints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a webhook endpoint (its past deliveries stay in the log) */
        delete: operations["deleteWebhookEndpoint"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gateways": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the gateways Borda knows and this mode's gateway accounts */
        get: operations["listGatewayAccounts"];
        put?: never;
        /** Connect a gateway account (credentials stored sealed, never shown again) */
        post: operations["createGatewayAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gateways/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a gateway account */
        delete: operations["deleteGatewayAccount"];
        options?: never;
        head?: never;
        /** Change a gateway account's priority, rules, credentials or state */
        patch: operations["updateGatewayAccount"];
        trace?: never;
    };
    "/api/v1/merchant": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This mode's settings (the key's mode only) */
        get: operations["getMerchant"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change this mode's settings: enabled methods, default installments and boleto terms, required customer fields, customer notifications, notification URL, origins, bank accounts, CLABE, late-payment policy, branding. The defaults apply to sessions created afterwards (over the API or a dialect) whose request omits them. */
        patch: operations["updateMerchant"];
        trace?: never;
    };
    "/api/v1/webhook_secret/roll": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Roll this mode's webhook secret; the old one keeps signing for 24 h */
        post: operations["rollWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/checkout_sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a checkout session, the Fintoc way (Authorization: sk_...); open it with the widget */
        post: operations["fintocCreateCheckoutSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a direct PIX or bank-transfer payment, no hosted page */
        post: operations["pixDirectCreatePayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payment/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a direct payment */
        get: operations["pixDirectGetPayment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List direct payments: limit 1-40, page, sort=field,(asc|desc), time range, transaction ids */
        get: operations["pixDirectListPayments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    "payment.pending": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A payment attempt is waiting for the customer (a PIX code, boleto or voucher was issued). */
        post: operations["webhook_payment_pending"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "payment.success": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A payment was paid. */
        post: operations["webhook_payment_success"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "payment.failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A card was declined, or a PIX was denied, expired or superseded. */
        post: operations["webhook_payment_failed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "payment.refunded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A refund of the payment succeeded: `status` is partially_refunded or refunded, with `refunded_amount`. */
        post: operations["webhook_payment_refunded"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "payment.late": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Money arrived after the session ended or the attempt was voided: recorded as paid, flagged `late`. */
        post: operations["webhook_payment_late"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "payment.duplicate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Money arrived for an attempt after another payment won: recorded as paid, flagged `duplicate`. */
        post: operations["webhook_payment_duplicate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "payment.amount_mismatch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Another amount or currency arrived than was charged: recorded, flagged; an underpayment never completes the session. */
        post: operations["webhook_payment_amount_mismatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "checkout_session.finished": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The session was paid. */
        post: operations["webhook_checkout_session_finished"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "checkout_session.expired": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The session expired unpaid. */
        post: operations["webhook_checkout_session_expired"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "checkout_session.canceled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The customer or the merchant canceled the session. */
        post: operations["webhook_checkout_session_canceled"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "refund.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A refund was asked (by you, or by your late-payment policy). */
        post: operations["webhook_refund_created"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "refund.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A refund changed without ending: the customer gave a bank account, or the gateway handed over its own form. */
        post: operations["webhook_refund_updated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "refund.succeeded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The money went back. */
        post: operations["webhook_refund_succeeded"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "refund.failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The gateway refused or gave up; the amount can be refunded again. */
        post: operations["webhook_refund_failed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        /** @description RFC 9457 problem details (application/problem+json). */
        Problem: {
            type: string;
            title: string;
            status: number;
            detail: string;
            code: string;
            instance: string;
            request_id: string;
            errors?: {
                field: string;
                code: string;
                message: string;
            }[];
        };
        ClientStatus: {
            status: string;
            redirect_url?: string | null;
        } & {
            [key: string]: unknown;
        };
        ClientSession: {
            status: string;
            amount: number;
            currency: string;
            methods: ({
                method: string;
            } & {
                [key: string]: unknown;
            })[];
        } & {
            [key: string]: unknown;
        };
        ClientPaymentResult: {
            status: string;
            payment: {
                id: string;
                status: string;
            } & {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        };
        CreateClientPayment: {
            method: string;
            customer: {
                name: string;
                /** Format: email */
                email: string;
                document?: string;
                phone?: string;
            };
            card?: {
                number: string;
                holder_name: string;
                exp_month: number;
                exp_year: number;
                cvc: string;
            };
            bank?: string;
            installments?: number;
        };
        ClientOutcome: {
            status: string;
            redirect_url: string | null;
        };
        SimulateOutcome: {
            /** @enum {string} */
            outcome: "paid" | "denied" | "expired";
        };
        Order: {
            id: string;
            amount: number;
            checkout_url: string;
            status: string;
            merchant_key: string;
            description: string | null;
            sandbox: boolean;
            /** @description 'YYYY-mm-dd HH:MM:SS', UTC. */
            created_at: string;
            updated_at: string;
            customer: {
                [key: string]: unknown;
            } | null;
        } & {
            [key: string]: unknown;
        };
        Seed004CreateOrder: {
            merchant_id: string;
            order: {
                amount: number;
                merchant_key: string;
                description?: string;
                sandbox?: boolean;
                /** @enum {string} */
                notify_customer?: "email" | "sms" | "both" | "none";
                notify_url?: string;
                payment_failure_url?: string;
                customer?: {
                    customer_type: 0 | 1;
                    merchant_key?: string;
                    name?: string;
                    /** Format: email */
                    email?: string;
                    phone_country_code?: string;
                    phone_number?: string;
                    legal_number?: string;
                    billing_zipcode?: string;
                    billing_street?: string;
                    billing_number?: string;
                    billing_additional?: string;
                    billing_district?: string;
                    billing_city?: string;
                    billing_state?: string;
                };
                /** @description Seed 004's payments_settings: per-method discount, addition, installments, boleto terms. */
                payments_settings?: {
                    /** @enum {string} */
                    payment_type: "credit_card" | "card" | "pix" | "boleto" | "bank_transfer" | "spei" | "oxxo" | "efecty" | "servipag" | "cip" | "pse" | "nequi" | "transfiya" | "picpay" | "pe_wallet";
                    discount?: number;
                    addition?: number;
                    boleto_due_days?: number;
                    boleto_due_date?: string;
                    boleto_void_days?: number;
                    boleto_charge_interest?: boolean;
                    /** @enum {string} */
                    boleto_interest_type?: "fixed" | "percentage";
                    boleto_interest_amount?: number;
                    boleto_charge_fine?: boolean;
                    /** @enum {string} */
                    boleto_fine_type?: "fixed" | "percentage";
                    boleto_fine_amount?: number;
                    max_installments?: number;
                    max_installments_interest?: number;
                    interest?: number;
                }[];
            };
        };
        CreatedMerchant: {
            merchant_id: string;
            name: string;
            country: ("BRA" | "PER" | "COL" | "CHL" | "MEX" | "ECU" | "ARG") | null;
            notification_url: string | null;
            /** @description sk_test_... and sk_live_...; shown only in this response. */
            secret_keys: {
                test: string;
                live: string;
            };
            /** @description pk_test_... and pk_live_..., for the checkout widget. */
            public_keys: {
                test: string;
                live: string;
            };
            /** @description whsec_... per mode: verifies that mode's webhook signatures; shown only here. */
            webhook_secrets: {
                test: string;
                live: string;
            };
            created_at: string;
        };
        CreateMerchant: {
            /** @description Display name shown on the checkout page. */
            name: string;
            country?: ("BRA" | "PER" | "COL" | "CHL" | "MEX" | "ECU" | "ARG") | null;
            /** @description Starting webhook URL of both modes; each mode changes its own afterwards. */
            notification_url?: string | null;
            /** @description City shown in PIX codes. */
            city?: string;
            /** @description Origins that may embed the checkout and call the client API. */
            allowed_origins?: string[];
        };
        InvitePanelUser: {
            /** Format: email */
            email: string;
            /** @enum {string} */
            role: "owner" | "developer" | "support";
        };
        CheckoutSession: {
            /**
             * @description Unguessable session token; also the id.
             * @example cs_test_4f9Qx...
             */
            token: string;
            amount: number;
            /** @enum {string} */
            currency: "BRL" | "USD" | "MXN" | "CLP" | "COP" | "PEN" | "ARS";
            merchant_order_id: string;
            payment_method: (("card" | "pix" | "boleto" | "bank_transfer" | "spei" | "oxxo" | "efecty" | "servipag" | "cip" | "pse" | "nequi" | "transfiya" | "picpay" | "pe_wallet") | ("card" | "pix" | "boleto" | "bank_transfer" | "spei" | "oxxo" | "efecty" | "servipag" | "cip" | "pse" | "nequi" | "transfiya" | "picpay" | "pe_wallet")[]) | null;
            gateway_first_try: ("pagarme" | "picpay" | "safe2pay" | "pagbank" | "stripe" | "asaas" | "erede" | "mercadopago" | "ebanx") | null;
            metadata: {
                [key: string]: unknown;
            };
            success_url: string | null;
            cancel_url: string | null;
            /**
             * @description ISO 8601 UTC.
             * @example 2026-06-23T14:30:00+00:00
             */
            expires_at: string;
            id: string;
            /** @constant */
            object: "checkout_session";
            /** @enum {string} */
            status: "open" | "pending" | "paid" | "expired" | "canceled";
            livemode: boolean;
            checkout_url: string;
            created_at: string;
            /** @enum {string} */
            country: "BRA" | "PER" | "COL" | "CHL" | "MEX" | "ECU" | "ARG";
            description: string | null;
            locale: ("pt-BR" | "es" | "en") | null;
            customer: {
                name?: string;
                /** Format: email */
                email?: string;
                /** @description CPF or CNPJ (numeric or alphanumeric) for Brazil; the national id elsewhere. */
                document?: string;
                phone?: string;
            } | null;
            notification_url: string | null;
            payment_failure_url: string | null;
            payment_settings: {
                [key: string]: unknown;
            }[] | null;
            notify_customer: ("none" | "email" | "sms" | "both") | null;
            /** @description Customer fields a payment must carry (the mode setting when the session was created). */
            required_customer_fields: ("name" | "email" | "document" | "phone")[];
        };
        CreateCheckoutSession: {
            /**
             * @description Amount in minor units (cents; CLP has none).
             * @example 15000
             */
            amount: number;
            /**
             * @example BRL
             * @enum {string}
             */
            currency: "BRL" | "USD" | "MXN" | "CLP" | "COP" | "PEN" | "ARS";
            /** @example ORD-123 */
            merchant_order_id: string;
            /**
             * @description Restrict to one method or a list. Omit or null to offer every method of the country.
             * @example card
             */
            payment_method?: (("card" | "pix" | "boleto" | "bank_transfer" | "spei" | "oxxo" | "efecty" | "servipag" | "cip" | "pse" | "nequi" | "transfiya" | "picpay" | "pe_wallet") | ("card" | "pix" | "boleto" | "bank_transfer" | "spei" | "oxxo" | "efecty" | "servipag" | "cip" | "pse" | "nequi" | "transfiya" | "picpay" | "pe_wallet")[]) | null;
            /**
             * @description Gateway to attempt first; routing rules decide when unset or not enabled.
             * @example pagarme
             */
            gateway_first_try?: ("pagarme" | "picpay" | "safe2pay" | "pagbank" | "stripe" | "asaas" | "erede" | "mercadopago" | "ebanx") | null;
            /**
             * @description Lifetime in seconds.
             * @default 1800
             * @example 1800
             */
            expires_in?: number;
            /**
             * @description Your own key-value data, returned on the session and in its events.
             * @default {}
             * @example {}
             */
            metadata?: {
                [key: string]: string | number | boolean | null;
            };
            /** @description Where the customer goes after paying. May contain {CHECKOUT_SESSION_ID}. */
            success_url?: string | null;
            /** @description Where the customer goes after canceling. May contain {CHECKOUT_SESSION_ID}. */
            cancel_url?: string | null;
            /**
             * @description ISO 3166 alpha-3; defaults from the currency (USD: the merchant country).
             * @enum {string}
             */
            country?: "BRA" | "PER" | "COL" | "CHL" | "MEX" | "ECU" | "ARG";
            /** @description Shown to the customer on the checkout page. */
            description?: string;
            /** @description Prefills the checkout form. */
            customer?: {
                name?: string;
                /** Format: email */
                email?: string;
                /** @description CPF or CNPJ (numeric or alphanumeric) for Brazil; the national id elsewhere. */
                document?: string;
                phone?: string;
            };
            /** @description Webhook URL for this session; else the merchant's default. */
            notification_url?: string;
            /** @description Seed 004: failed payment attempts are also POSTed here. */
            payment_failure_url?: string;
            /** @enum {string} */
            locale?: "pt-BR" | "es" | "en";
            /** @description Seed 004's payments_settings: per-method discount, addition, installments, boleto terms. */
            payment_settings?: {
                /** @enum {string} */
                payment_type: "credit_card" | "card" | "pix" | "boleto" | "bank_transfer" | "spei" | "oxxo" | "efecty" | "servipag" | "cip" | "pse" | "nequi" | "transfiya" | "picpay" | "pe_wallet";
                discount?: number;
                addition?: number;
                boleto_due_days?: number;
                boleto_due_date?: string;
                boleto_void_days?: number;
                boleto_charge_interest?: boolean;
                /** @enum {string} */
                boleto_interest_type?: "fixed" | "percentage";
                boleto_interest_amount?: number;
                boleto_charge_fine?: boolean;
                /** @enum {string} */
                boleto_fine_type?: "fixed" | "percentage";
                boleto_fine_amount?: number;
                max_installments?: number;
                max_installments_interest?: number;
                interest?: number;
            }[];
            /**
             * @description How Borda tells the customer about payment instructions, reminders, receipts and refunds; omitted: the merchant's default for the key's mode.
             * @enum {string}
             */
            notify_customer?: "none" | "email" | "sms" | "both";
        };
        CheckoutSessionList: {
            /** @constant */
            object: "list";
            data: components["schemas"]["CheckoutSession"][];
            has_more: boolean;
            /** @description Pass as `cursor` to get the next page. */
            next_cursor: string | null;
        };
        CheckoutSessionWithPayments: {
            /**
             * @description Unguessable session token; also the id.
             * @example cs_test_4f9Qx...
             */
            token: string;
            amount: number;
            /** @enum {string} */
            currency: "BRL" | "USD" | "MXN" | "CLP" | "COP" | "PEN" | "ARS";
            merchant_order_id: string;
            payment_method: (("card" | "pix" | "boleto" | "bank_transfer" | "spei" | "oxxo" | "efecty" | "servipag" | "cip" | "pse" | "nequi" | "transfiya" | "picpay" | "pe_wallet") | ("card" | "pix" | "boleto" | "bank_transfer" | "spei" | "oxxo" | "efecty" | "servipag" | "cip" | "pse" | "nequi" | "transfiya" | "picpay" | "pe_wallet")[]) | null;
            gateway_first_try: ("pagarme" | "picpay" | "safe2pay" | "pagbank" | "stripe" | "asaas" | "erede" | "mercadopago" | "ebanx") | null;
            metadata: {
                [key: string]: unknown;
            };
            success_url: string | null;
            cancel_url: string | null;
            /**
             * @description ISO 8601 UTC.
             * @example 2026-06-23T14:30:00+00:00
             */
            expires_at: string;
            id: string;
            /** @constant */
            object: "checkout_session";
            /** @enum {string} */
            status: "open" | "pending" | "paid" | "expired" | "canceled";
            livemode: boolean;
            checkout_url: string;
            created_at: string;
            /** @enum {string} */
            country: "BRA" | "PER" | "COL" | "CHL" | "MEX" | "ECU" | "ARG";
            description: string | null;
            locale: ("pt-BR" | "es" | "en") | null;
            customer: {
                name?: string;
                /** Format: email */
                email?: string;
                /** @description CPF or CNPJ (numeric or alphanumeric) for Brazil; the national id elsewhere. */
                document?: string;
                phone?: string;
            } | null;
            notification_url: string | null;
            payment_failure_url: string | null;
            payment_settings: {
                [key: string]: unknown;
            }[] | null;
            notify_customer: ("none" | "email" | "sms" | "both") | null;
            /** @description Customer fields a payment must carry (the mode setting when the session was created). */
            required_customer_fields: ("name" | "email" | "document" | "phone")[];
            payments: components["schemas"]["Payment"][];
        };
        Payment: {
            id: string;
            /** @constant */
            object: "payment";
            checkout_session_id: string;
            /** @description pending, paid, denied, expired or canceled (and refund states). */
            status: string;
            method: string;
            gateway: string;
            /** @description What was charged, in minor units (adjustment and interest included). */
            amount: number;
            currency: string;
            installments: number;
            /** @description Discount (negative) or addition (positive), minor units. */
            adjustment: number;
            /** @description Each installment in minor units; the first ones carry the odd cents. */
            installment_plan: {
                amounts: number[];
                monthly_rate: number;
            } | null;
            card: {
                brand: string;
                last4: string;
            } | null;
            pix: {
                qr_code: string;
                expires_at: string;
                /** @description The settled transfer's end-to-end id (BCB), when the gateway gave it. */
                end_to_end_id: string | null;
            } | null;
            boleto: {
                /** @description The 44-digit barcode. */
                barcode: string;
                /** @description The 47-digit linha digitável. */
                line: string;
                due_date: string;
                void_date: string;
                fine_cents: number | null;
                interest_per_day_cents: number | null;
                interest_monthly_percent: number | null;
            } | null;
            bank_transfer: {
                bank_name: string;
                bank_code: string;
                agency: string;
                account: string;
                account_digit: string;
                account_type: string;
                beneficiary: string;
                document: string;
                reference: string;
            } | null;
            spei: {
                clabe: string;
                bank_name: string;
                beneficiary: string;
                reference: string;
            } | null;
            voucher: {
                reference: string;
                /** @enum {string} */
                kind: "voucher" | "redirect";
                expires_at: string;
                url?: string;
            } | null;
            failure_code: string | null;
            failure_message: string | null;
            /** @description What went back so far, in minor units. */
            refunded_amount: number;
            /** @description Money that arrived unexpectedly (late, duplicate, another amount); null otherwise. */
            settlement: {
                /** @enum {string} */
                flag: "late" | "duplicate" | "amount_mismatch";
                resolution: string | null;
                received_amount: number;
                received_currency: string;
            } | null;
            livemode: boolean;
            created_at: string;
            paid_at: string | null;
        } & {
            [key: string]: unknown;
        };
        CustomerNotificationList: {
            /** @constant */
            object: "list";
            data: components["schemas"]["CustomerNotification"][];
            has_more: boolean;
        };
        CustomerNotification: {
            id: string;
            /** @constant */
            object: "customer_notification";
            checkout_session_id: string;
            payment_id: string | null;
            /** @description The event that asked for it. */
            event_id: string;
            /** @enum {string} */
            kind: "payment_instructions" | "payment_reminder" | "payment_receipt" | "refund_pending" | "refund_succeeded" | "refund_failed" | "refund_requires_action";
            /** @enum {string} */
            channel: "email" | "sms";
            /** @description The e-mail address or phone number the customer gave. */
            recipient: string;
            locale: string;
            /** @description The amount the message states, in minor units. */
            amount: number;
            currency: string;
            /** @enum {string} */
            status: "pending" | "sending" | "sent" | "failed" | "skipped";
            /** @description cloudflare, resend, twilio or mailbox. */
            provider: string | null;
            provider_message_id: string | null;
            attempts: number;
            last_error: string | null;
            subject: string | null;
            next_attempt_at: string | null;
            sent_at: string | null;
            created_at: string;
        };
        CashierCheckoutCreated: {
            /** @constant */
            success: true;
            session_id: string;
            checkout_url: string;
            /** @description ISO 8601 UTC with a Z. */
            expires_at: string;
        };
        Seed000Checkout: {
            merchant_id: string;
            /** @description Decimal, in the currency (150.00); no more decimals than it has. */
            amount: number;
            /** @enum {string} */
            currency: "BRL" | "USD" | "MXN" | "CLP" | "COP" | "PEN" | "ARS";
            /** @enum {string} */
            country: "BRA" | "PER" | "COL" | "CHL" | "MEX" | "ECU" | "ARG";
            description?: string;
            reference_id?: string;
            success_url: string;
            cancel_url: string;
            notification_url?: string;
            /**
             * @description Your own key-value data, returned on the session and in its events.
             * @example {}
             */
            metadata?: {
                [key: string]: string | number | boolean | null;
            };
        };
        Refund: {
            id: string;
            /** @constant */
            object: "refund";
            payment_id: string;
            checkout_session_id: string;
            /** @enum {string} */
            status: "pending" | "requires_action" | "succeeded" | "failed" | "canceled";
            amount: number;
            currency: string;
            reason: string | null;
            metadata: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            origin: "merchant" | "policy";
            gateway: string;
            gateway_reference: string | null;
            failure_code: string | null;
            window_closes_at: string | null;
            bank_account: {
                bank_code: string;
                holder_name: string;
                account_last4: string;
            } | null;
            next_action: ({
                /** @enum {string} */
                type: "collect_bank_account" | "confirm_transfer";
            } & {
                [key: string]: unknown;
            }) | null;
            completed_by: ("gateway" | "merchant") | null;
            livemode: boolean;
            created_at: string;
            completed_at: string | null;
        };
        CreateRefund: {
            /** @description Minor units; absent means everything still refundable. */
            amount?: number;
            reason?: string | null;
            /**
             * @description Your own key-value data, returned on the session and in its events.
             * @example {}
             */
            metadata?: {
                [key: string]: string | number | boolean | null;
            };
        };
        PaymentWithAttempts: {
            id: string;
            /** @constant */
            object: "payment";
            checkout_session_id: string;
            /** @description pending, paid, denied, expired or canceled (and refund states). */
            status: string;
            method: string;
            gateway: string;
            /** @description What was charged, in minor units (adjustment and interest included). */
            amount: number;
            currency: string;
            installments: number;
            /** @description Discount (negative) or addition (positive), minor units. */
            adjustment: number;
            /** @description Each installment in minor units; the first ones carry the odd cents. */
            installment_plan: {
                amounts: number[];
                monthly_rate: number;
            } | null;
            card: {
                brand: string;
                last4: string;
            } | null;
            pix: {
                qr_code: string;
                expires_at: string;
                /** @description The settled transfer's end-to-end id (BCB), when the gateway gave it. */
                end_to_end_id: string | null;
            } | null;
            boleto: {
                /** @description The 44-digit barcode. */
                barcode: string;
                /** @description The 47-digit linha digitável. */
                line: string;
                due_date: string;
                void_date: string;
                fine_cents: number | null;
                interest_per_day_cents: number | null;
                interest_monthly_percent: number | null;
            } | null;
            bank_transfer: {
                bank_name: string;
                bank_code: string;
                agency: string;
                account: string;
                account_digit: string;
                account_type: string;
                beneficiary: string;
                document: string;
                reference: string;
            } | null;
            spei: {
                clabe: string;
                bank_name: string;
                beneficiary: string;
                reference: string;
            } | null;
            voucher: {
                reference: string;
                /** @enum {string} */
                kind: "voucher" | "redirect";
                expires_at: string;
                url?: string;
            } | null;
            failure_code: string | null;
            failure_message: string | null;
            /** @description What went back so far, in minor units. */
            refunded_amount: number;
            /** @description Money that arrived unexpectedly (late, duplicate, another amount); null otherwise. */
            settlement: {
                /** @enum {string} */
                flag: "late" | "duplicate" | "amount_mismatch";
                resolution: string | null;
                received_amount: number;
                received_currency: string;
            } | null;
            livemode: boolean;
            created_at: string;
            paid_at: string | null;
            customer: {
                [key: string]: string;
            } | null;
            attempts: {
                gateway: string;
                account_id: string | null;
                outcome: string;
                error_code: string | null;
                reference: string | null;
                latency_ms: number;
                started_at: string;
            }[];
        } & {
            [key: string]: unknown;
        };
        SimulatePayment: {
            /** @enum {string} */
            outcome: "paid" | "denied" | "expired";
            amount?: number;
            currency?: string;
        };
        SimulateRefund: {
            /** @enum {string} */
            outcome: "succeeded" | "failed";
        };
        EventList: {
            /** @constant */
            object: "list";
            data: components["schemas"]["Event"][];
            has_more: boolean;
            /** @description Pass as `cursor` to get the next page. */
            next_cursor: string | null;
        };
        Event: {
            id: string;
            /** @constant */
            object: "event";
            /** @enum {string} */
            type: "payment.pending" | "payment.success" | "payment.failed" | "payment.refunded" | "payment.late" | "payment.duplicate" | "payment.amount_mismatch" | "checkout_session.finished" | "checkout_session.expired" | "checkout_session.canceled" | "refund.created" | "refund.updated" | "refund.succeeded" | "refund.failed";
            livemode: boolean;
            created_at: string;
            session_id: string | null;
            payment_id: string | null;
            enqueued: boolean;
            /** @description The body as POSTed to your endpoint. */
            payload: {
                [key: string]: unknown;
            };
        };
        EventWithDeliveries: {
            id: string;
            /** @constant */
            object: "event";
            /** @enum {string} */
            type: "payment.pending" | "payment.success" | "payment.failed" | "payment.refunded" | "payment.late" | "payment.duplicate" | "payment.amount_mismatch" | "checkout_session.finished" | "checkout_session.expired" | "checkout_session.canceled" | "refund.created" | "refund.updated" | "refund.succeeded" | "refund.failed";
            livemode: boolean;
            created_at: string;
            session_id: string | null;
            payment_id: string | null;
            enqueued: boolean;
            /** @description The body as POSTed to your endpoint. */
            payload: {
                [key: string]: unknown;
            };
            deliveries: {
                id: string;
                /** @enum {string} */
                target: "notification" | "payment_failure" | "endpoint";
                /** @description The webhook endpoint of an `endpoint` delivery. */
                endpoint_id: string | null;
                url: string;
                /** @enum {string} */
                status: "pending" | "delivered" | "failed" | "disabled";
                attempt_count: number;
                next_attempt_at: string | null;
                delivered_at: string | null;
                attempts: {
                    attempted_at: string;
                    status_code: number | null;
                    latency_ms: number;
                    error: string | null;
                    /** @description The first 500 bytes of the receiver's answer body, as text (never its headers). */
                    response_excerpt: string | null;
                }[];
            }[];
        };
        WebhookEndpointList: {
            /** @constant */
            object: "list";
            data: components["schemas"]["WebhookEndpoint"][];
            has_more: boolean;
        };
        WebhookEndpoint: {
            id: string;
            /** @constant */
            object: "webhook_endpoint";
            url: string;
            enabled_events: string[];
            /**
             * @description `disabled` by you, or by Borda when the endpoint answered 410 Gone.
             * @enum {string}
             */
            status: "enabled" | "disabled";
            description: string | null;
            livemode: boolean;
            created_at: string;
        };
        CreateWebhookEndpoint: {
            /** @description An https URL on a public host name; checked as notification_url is, and again at send. */
            url: string;
            /**
             * @description The event types it receives; `["*"]` (the default) for every type.
             * @default [
             *       "*"
             *     ]
             */
            enabled_events?: [
                "*"
            ] | ("payment.pending" | "payment.success" | "payment.failed" | "payment.refunded" | "payment.late" | "payment.duplicate" | "payment.amount_mismatch" | "checkout_session.finished" | "checkout_session.expired" | "checkout_session.canceled" | "refund.created" | "refund.updated" | "refund.succeeded" | "refund.failed")[];
            description?: string;
        };
        DeletedWebhookEndpoint: {
            id: string;
            /** @constant */
            object: "webhook_endpoint";
            /** @constant */
            deleted: true;
        };
        GatewayAccountList: {
            /** @constant */
            object: "list";
            /** @description Every gateway Borda knows and what it covers. */
            gateways: ({
                gateway: string;
                available: boolean;
                credential_fields: string[];
            } & {
                [key: string]: unknown;
            })[];
            data: components["schemas"]["GatewayAccount"][];
        } & {
            [key: string]: unknown;
        };
        GatewayAccount: {
            id: string;
            /** @constant */
            object: "gateway_account";
            gateway: string;
            name: string;
            priority: number;
            rules: {
                [key: string]: unknown;
            };
            settings: {
                [key: string]: unknown;
            };
            enabled: boolean;
            credentials_set: string[];
            health: {
                /** @enum {string} */
                state: "closed" | "open" | "half_open";
                consecutive_failures: number;
                open_until: string | null;
            };
            livemode: boolean;
        } & {
            [key: string]: unknown;
        };
        CreateGatewayAccount: {
            gateway: string;
            /** @description Defaults to the gateway slug; lets a merchant hold two accounts at one gateway. */
            name?: string;
            /** @default {} */
            credentials?: {
                [key: string]: string;
            };
            /** @default 100 */
            priority?: number;
            /** @default {} */
            rules?: {
                methods?: ("card" | "pix" | "boleto" | "bank_transfer" | "spei" | "oxxo" | "efecty" | "servipag" | "cip" | "pse" | "nequi" | "transfiya" | "picpay" | "pe_wallet")[];
                currencies?: ("BRL" | "USD" | "MXN" | "CLP" | "COP" | "PEN" | "ARS")[];
                countries?: ("BRA" | "PER" | "COL" | "CHL" | "MEX" | "ECU" | "ARG")[];
                min_amount?: number;
                max_amount?: number;
            };
            /** @default {} */
            settings?: {
                /** @enum {string} */
                behaviour?: "ok" | "slow" | "fail" | "connect_timeout" | "timeout" | "hard_decline";
                delay_ms?: number;
                /** @enum {string} */
                status_after_timeout?: "paid" | "pending" | "denied" | "not_found";
                raw_card_data?: boolean;
                /** @enum {string} */
                void_outcome?: "ok" | "already_paid" | "fail";
            };
            /** @default true */
            enabled?: boolean;
        };
        UpdateGatewayAccount: {
            credentials?: {
                [key: string]: string;
            };
            priority?: number;
            rules?: {
                methods?: ("card" | "pix" | "boleto" | "bank_transfer" | "spei" | "oxxo" | "efecty" | "servipag" | "cip" | "pse" | "nequi" | "transfiya" | "picpay" | "pe_wallet")[];
                currencies?: ("BRL" | "USD" | "MXN" | "CLP" | "COP" | "PEN" | "ARS")[];
                countries?: ("BRA" | "PER" | "COL" | "CHL" | "MEX" | "ECU" | "ARG")[];
                min_amount?: number;
                max_amount?: number;
            };
            settings?: {
                /** @enum {string} */
                behaviour?: "ok" | "slow" | "fail" | "connect_timeout" | "timeout" | "hard_decline";
                delay_ms?: number;
                /** @enum {string} */
                status_after_timeout?: "paid" | "pending" | "denied" | "not_found";
                raw_card_data?: boolean;
                /** @enum {string} */
                void_outcome?: "ok" | "already_paid" | "fail";
            };
            enabled?: boolean;
        };
        DeletedGatewayAccount: {
            id: string;
            /** @constant */
            object: "gateway_account";
            /** @constant */
            deleted: true;
        };
        UpdateMerchant: {
            notification_url?: string | null;
            allowed_origins?: string[];
            /** @description The merchant's city, printed in PIX codes of both modes: only a live key changes it (a test key gets 422 live_key_required). */
            city?: string;
            /** @description Accounts customers transfer to (the first is shown); [] to use none. */
            bank_accounts?: {
                bank_name: string;
                bank_code: string;
                agency: string;
                /** @description The agency's check digit, for banks that have one (Banco do Brasil, Bradesco). */
                agency_digit?: string;
                account: string;
                account_digit: string;
                /** @enum {string} */
                account_type: "checking" | "savings" | "payment";
                beneficiary: string;
                document: string;
            }[];
            /** @description Your CLABE for SPEI; the sandbox issues a test one when unset. */
            spei_clabe?: string | null;
            /** @description Card installments offered by a session created without payment_settings; null: 1. */
            default_installments?: {
                max_installments: number;
                max_installments_interest?: number;
                interest?: number;
            } | null;
            /** @description Methods offered by sessions that do not name their own payment_method; null: every method Borda offers. */
            enabled_methods?: ("card" | "pix" | "boleto" | "bank_transfer" | "spei" | "oxxo" | "efecty" | "servipag" | "cip" | "pse" | "nequi" | "transfiya" | "picpay" | "pe_wallet")[] | null;
            default_boleto_terms?: components["schemas"]["BoletoDefaults"] | null;
            /** @description Customer fields the checkout must collect before a payment (name, email, document, phone); a payment without them is refused. */
            required_customer_fields?: ("name" | "email" | "document" | "phone")[];
            /**
             * @description Late, duplicate or mismatched money in this mode: accept it (completes the session), refund it in full, or hold it for your decision (default).
             * @enum {string}
             */
            late_payment_policy?: "accept" | "refund" | "hold";
            /**
             * @description How customers hear about payment instructions, reminders, receipts and refunds when a session does not say (this mode only).
             * @enum {string}
             */
            notify_customer?: "none" | "email" | "sms" | "both";
            /** @description The checkout's accent colour; white text on it must reach 4.5:1 contrast. */
            brand_color?: string | null;
            /** @description The checkout logo, a base64 image data URL of at most 6 KB (a small PNG, WebP or SVG). */
            logo?: string | null;
        };
        /** @description Boleto terms for sessions whose payment_settings do not set them (seed 004's names): due and void days, fine, interest, discount. */
        BoletoDefaults: {
            boleto_due_days?: number;
            boleto_void_days?: number;
            boleto_charge_fine?: boolean;
            /** @enum {string} */
            boleto_fine_type?: "fixed" | "percentage";
            boleto_fine_amount?: number;
            boleto_charge_interest?: boolean;
            /** @enum {string} */
            boleto_interest_type?: "fixed" | "percentage";
            boleto_interest_amount?: number;
            discount?: number;
        };
        FintocCheckoutSession: {
            id: string;
            /** @constant */
            object: "checkout_session";
            created_at: string;
            currency: string;
            amount: number;
            customer_email: string | null;
            /** @description UNIX seconds, as a string. */
            expires_at: string;
            /** @enum {string} */
            mode: "test" | "live";
            return_url: string | null;
            status: string;
            /** @description Hand it to the widget: `Fintoc.create({ sessionToken })`. */
            session_token: string;
            metadata: {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        };
        Seed002CheckoutSession: {
            /** @description Minor units, no decimals (CLP 2476 is 2476, MXN 24.76 is 2476). */
            amount: number;
            currency: string;
            /** Format: email */
            customer_email?: string;
            /**
             * @description Your own key-value data, returned on the session and in its events.
             * @example {}
             */
            metadata?: {
                [key: string]: string | number | boolean | null;
            };
            success_url?: string;
            cancel_url?: string;
            /** @description Alias of success_url. */
            return_url?: string;
        };
        PixDirectCreated: {
            id: string;
            /** @enum {string} */
            status: "pending" | "paid" | "denied" | "expired";
            payment: {
                method: string;
            };
            values: {
                total: string;
                subtotal: string;
                /** @description The USD->BRL conversion when the amount was in USD. */
                exchange: unknown;
                fee: string;
            } & {
                [key: string]: unknown;
            };
            /** @description For PIX: the QR content and the copy-and-paste code. */
            pix?: {
                qrcode: string;
                reference: string;
            } & {
                [key: string]: unknown;
            };
            /** @description For bank transfers. */
            bank?: {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        };
        Seed003CreatePayment: {
            customer_id: string;
            branch?: string;
            name: string;
            /** Format: email */
            email: string;
            document: string;
            amount: number | string;
            /**
             * @default USD
             * @enum {string}
             */
            currency?: "USD" | "BRL";
            /** @enum {string} */
            payment_method: "pix" | "bank_transfer";
            callback: string;
            transaction: {
                id: string;
            };
            pix?: {
                expire_in?: number;
            };
        };
        PixDirectPayment: {
            id: string;
            customer_id: string | null;
            transaction_id: string;
            /** @description Decimal string, as the request gave it. */
            amount: string | null;
            currency: string | null;
            /** @enum {string} */
            status: "pending" | "paid" | "denied" | "expired";
            method: string;
            created_at: string;
            updated_at: string;
        } & {
            [key: string]: unknown;
        };
        PixDirectPaymentList: {
            data: components["schemas"]["PixDirectPayment"][];
            page: number;
            limit: number;
            has_more: boolean;
        };
        PaymentEventBody: {
            /** @description The event id: deduplicate on it (it is also `webhook-id`). */
            id: string;
            type: string;
            livemode: boolean;
            /** @description The same as `type`. */
            event: string;
            payment_id: string;
            checkout_session_id: string;
            merchant_id: string;
            /** @description Your merchant_order_id. */
            reference_id: string;
            status: string;
            /** @description Integer minor units (the cashier dialect sends the decimal it was given). */
            amount: number;
            currency: string;
            payment_method: string;
            provider: string | null;
            installments: number;
            failure_code: string | null;
            paid_at: string | null;
            timestamp: string;
            metadata: {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        };
        SessionEventBody: {
            id: string;
            /** @constant */
            object: "event";
            type: string;
            livemode: boolean;
            created_at: string;
            data: components["schemas"]["CheckoutSession"];
        };
        RefundEventBody: {
            id: string;
            /** @constant */
            object: "event";
            type: string;
            livemode: boolean;
            created_at: string;
            data: components["schemas"]["Refund"];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description {"ok": true} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `internal_error`: Something went wrong on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    checkoutPage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `not_found`: No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getClientStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The status */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientStatus"];
                };
            };
            /** @description `not_found`: No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    liveClientStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Switching to the WebSocket protocol */
            101: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `forbidden`: This key may not do that */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not_found`: No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getClientSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientSession"];
                };
            };
            /** @description `not_found`: No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createClientPayment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateClientPayment"];
            };
        };
        responses: {
            /** @description The payment attempt and what to show */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientPaymentResult"];
                };
            };
            /** @description `not_found`: No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `payment_in_progress`: Another payment attempt is being processed; `session_paid`: This checkout session is already paid; `session_expired`: This checkout session has expired; `session_canceled`: This checkout session was canceled */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `validation_failed`: The request has invalid fields; `method_not_available`: This payment method is not offered for this session */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelClientSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Where to go next */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientOutcome"];
                };
            };
            /** @description `not_found`: No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `invalid_state_transition`: The session is not in a state that allows this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    simulateClientPayment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SimulateOutcome"];
            };
        };
        responses: {
            /** @description Where to go next */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientOutcome"];
                };
            };
            /** @description `forbidden`: This key may not do that */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not_found`: No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `invalid_state_transition`: The session is not in a state that allows this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    boletoBarcode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
                paymentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description SVG image */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `not_found`: No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    boletoPrintPage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
                paymentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description HTML page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `not_found`: No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    pixQrCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
                paymentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description SVG image */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `not_found`: No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ordersCreateOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key within 24 h replay the first answer and change nothing. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Seed004CreateOrder"];
            };
        };
        responses: {
            /** @description The order, updated while still payable */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description The order, created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description `invalid_api_key`: The API key is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `order_already_paid`: This order is already paid */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `validation_failed`: The request has invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ordersCheckoutLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description To the checkout page */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `not_found`: No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    widgetScript: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JavaScript */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    widgetScriptIntegrity: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The integrity value */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    widgetSession: {
        parameters: {
            query: {
                token: string;
                public_key: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session id */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `invalid_request`: The request is malformed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `authentication_required`: An API key is required; `invalid_api_key`: The API key is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `forbidden`: This key may not do that */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not_found`: No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    openApiDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI 3.1 document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    referencePage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description HTML page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createMerchant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateMerchant"];
            };
        };
        responses: {
            /** @description The merchant and its keys, shown only once */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedMerchant"];
                };
            };
            /** @description `authentication_required`: An API key is required; `invalid_api_key`: The API key is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `validation_failed`: The request has invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    invitePanelUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InvitePanelUser"];
            };
        };
        responses: {
            /** @description The invite (its link is shown only here; only its hash is stored) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `authentication_required`: An API key is required; `invalid_api_key`: The API key is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not_found`: No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `validation_failed`: The request has invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    refundBankAccountPage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                mac: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description HTML page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `not_found`: No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    refundBankAccountSubmit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                mac: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description HTML page: received, or the form again with what to fix */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `forbidden`: This key may not do that */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not_found`: No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    devMailboxMessages: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The messages, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `not_found`: No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    devMailbox: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description HTML page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `not_found`: No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    devMailboxMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The message (HTML or text) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `not_found`: No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    receiveGatewayNotification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
                merchantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Applied, ignored or already applied */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `authentication_required`: An API key is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not_found`: No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCheckoutSessions: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                status?: "open" | "pending" | "paid" | "expired" | "canceled";
                merchant_order_id?: string;
                created_gte?: string;
                created_lte?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of sessions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckoutSessionList"];
                };
            };
            /** @description `invalid_api_key`: The API key is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `validation_failed`: The request has invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createCheckoutSession: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key within 24 h replay the first answer and change nothing. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCheckoutSession"];
            };
        };
        responses: {
            /** @description The session, with its checkout_url */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckoutSession"];
                };
            };
            /** @description `invalid_api_key`: The API key is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `order_has_open_session`: This order already has an open checkout session; `order_already_paid`: This order is already paid */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `validation_failed`: The request has invalid fields; `idempotency_key_reused`: This Idempotency-Key was used with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCheckoutSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckoutSessionWithPayments"];
                };
            };
            /** @description `invalid_api_key`: The API key is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not_found`: No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSessionNotifications: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerNotificationList"];
                };
            };
            /** @description `invalid_api_key`: The API key is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not_found`: No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    expireCheckoutSession: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key within 24 h replay the first answer and change nothing. */
                "Idempotency-Key"?: string;
            };
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The expired session */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckoutSession"];
                };
            };
            /** @description `invalid_api_key`: The API key is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not_found`: No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `session_paid`: This checkout session is already paid; `session_expired`: This checkout session has expired; `session_canceled`: This checkout session was canceled */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cashierCreateCheckout: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key within 24 h replay the first answer and change nothing. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Seed000Checkout"];
            };
        };
        responses: {
            /** @description The session id and checkout_url */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CashierCheckoutCreated"];
                };
            };
            /** @description `invalid_api_key`: The API key is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `order_has_open_session`: This order already has an open checkout session */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `validation_failed`: The request has invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createRefund: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key within 24 h replay the first answer and change nothing. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRefund"];
            };
        };
        responses: {
            /** @description The refund */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Refund"];
                };
            };
            /** @description `invalid_api_key`: The API key is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not_found`: No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `payment_not_refundable`: This payment cannot be refunded; `refund_window_closed`: The refund window of this payment has closed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `validation_failed`: The request has invalid fields; `refund_exceeds_refundable`: The refund is more than what is left to refund */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    acceptPayment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The payment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Payment"];
                };
            };
            /** @description `invalid_api_key`: The API key is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not_found`: No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `payment_not_held`: This payment is not held for a decision; `amount_insufficient`: Less than the charge arrived; `order_already_paid`: This order is already paid; `order_has_open_session`: This order already has an open checkout session */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPayment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The payment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentWithAttempts"];
                };
            };
            /** @description `invalid_api_key`: The API key is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not_found`: No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    simulatePayment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SimulatePayment"];
            };
        };
        responses: {
            /** @description The payment after the simulated outcome */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Payment"];
                };
            };
            /** @description `forbidden`: This key may not do that */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not_found`: No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `invalid_state_transition`: The session is not in a state that allows this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `validation_failed`: The request has invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    simulateRefund: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SimulateRefund"];
            };
        };
        responses: {
            /** @description The refund */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Refund"];
                };
            };
            /** @description `forbidden`: This key may not do that */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not_found`: No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `invalid_refund_transition`: The refund is not in a state that allows this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRefund: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The refund */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Refund"];
                };
            };
            /** @description `invalid_api_key`: The API key is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not_found`: No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    confirmRefund: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The refund, succeeded */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Refund"];
                };
            };
            /** @description `invalid_api_key`: The API key is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not_found`: No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `invalid_refund_transition`: The refund is not in a state that allows this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelRefund: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The refund, canceled */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Refund"];
                };
            };
            /** @description `invalid_api_key`: The API key is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not_found`: No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `invalid_refund_transition`: The refund is not in a state that allows this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listEvents: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                type?: "payment.pending" | "payment.success" | "payment.failed" | "payment.refunded" | "payment.late" | "payment.duplicate" | "payment.amount_mismatch" | "checkout_session.finished" | "checkout_session.expired" | "checkout_session.canceled" | "refund.created" | "refund.updated" | "refund.succeeded" | "refund.failed";
                session?: string;
                created_gte?: string;
                created_lte?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of events */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventList"];
                };
            };
            /** @description `invalid_api_key`: The API key is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `validation_failed`: The request has invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventWithDeliveries"];
                };
            };
            /** @description `invalid_api_key`: The API key is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not_found`: No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    redeliverEvent: {
        parameters: {
            query?: {
                endpoint_id?: string;
            };
            header?: {
                /** @description Retries with the same key within 24 h replay the first answer and change nothing. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued again */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventWithDeliveries"];
                };
            };
            /** @description `invalid_api_key`: The API key is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not_found`: No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `validation_failed`: The request has invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhookEndpoints: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoints, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointList"];
                };
            };
            /** @description `invalid_api_key`: The API key is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key within 24 h replay the first answer and change nothing. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhookEndpoint"];
            };
        };
        responses: {
            /** @description The endpoint */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            /** @description `invalid_api_key`: The API key is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `validation_failed`: The request has invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeletedWebhookEndpoint"];
                };
            };
            /** @description `invalid_api_key`: The API key is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not_found`: No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listGatewayAccounts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The catalog and the accounts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayAccountList"];
                };
            };
            /** @description `invalid_api_key`: The API key is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createGatewayAccount: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key within 24 h replay the first answer and change nothing. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateGatewayAccount"];
            };
        };
        responses: {
            /** @description The account */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayAccount"];
                };
            };
            /** @description `invalid_api_key`: The API key is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `gateway_account_exists`: A gateway account with this name already exists */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `validation_failed`: The request has invalid fields; `gateway_unavailable`: This gateway has no connector yet and cannot be enabled */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteGatewayAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeletedGatewayAccount"];
                };
            };
            /** @description `invalid_api_key`: The API key is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not_found`: No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateGatewayAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateGatewayAccount"];
            };
        };
        responses: {
            /** @description The account */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayAccount"];
                };
            };
            /** @description `invalid_api_key`: The API key is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not_found`: No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `validation_failed`: The request has invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMerchant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description This mode's settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `invalid_api_key`: The API key is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateMerchant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateMerchant"];
            };
        };
        responses: {
            /** @description This mode's settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `invalid_api_key`: The API key is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `validation_failed`: The request has invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rollWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new secret, shown once */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `invalid_api_key`: The API key is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `concurrent_update`: The session was changed by another request */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    fintocCreateCheckoutSession: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key within 24 h replay the first answer and change nothing. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Seed002CheckoutSession"];
            };
        };
        responses: {
            /** @description The checkout session with its session_token */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FintocCheckoutSession"];
                };
            };
            /** @description `invalid_api_key`: The API key is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `validation_failed`: The request has invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    pixDirectCreatePayment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key within 24 h replay the first answer and change nothing. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Seed003CreatePayment"];
            };
        };
        responses: {
            /** @description The payment, its values and its PIX or bank block */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PixDirectCreated"];
                };
            };
            /** @description `invalid_api_key`: The API key is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `order_has_open_session`: This order already has an open checkout session */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `validation_failed`: The request has invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `no_gateway`: No gateway can take this payment */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    pixDirectGetPayment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The payment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PixDirectPayment"];
                };
            };
            /** @description `invalid_api_key`: The API key is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not_found`: No such object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    pixDirectListPayments: {
        parameters: {
            query?: {
                limit?: number;
                page?: number;
                sort?: string;
                start_time?: string;
                end_time?: string;
                customer_id?: string;
                transaction_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of payments */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PixDirectPaymentList"];
                };
            };
            /** @description `invalid_api_key`: The API key is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `validation_failed`: The request has invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as an RFC 9457 problem document */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    webhook_payment_pending: {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (Standard Webhooks). */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed (Standard Webhooks). */
                "webhook-timestamp": string;
                /** @description `v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` under your webhook secret; during a secret roll both secrets sign, space-separated. */
                "webhook-signature": string;
                /** @description Hex HMAC-SHA256 of the body alone (the cashier dialect’s header); no replay protection. */
                "x-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaymentEventBody"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event; anything else is retried with backoff. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhook_payment_success: {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (Standard Webhooks). */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed (Standard Webhooks). */
                "webhook-timestamp": string;
                /** @description `v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` under your webhook secret; during a secret roll both secrets sign, space-separated. */
                "webhook-signature": string;
                /** @description Hex HMAC-SHA256 of the body alone (the cashier dialect’s header); no replay protection. */
                "x-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaymentEventBody"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event; anything else is retried with backoff. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhook_payment_failed: {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (Standard Webhooks). */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed (Standard Webhooks). */
                "webhook-timestamp": string;
                /** @description `v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` under your webhook secret; during a secret roll both secrets sign, space-separated. */
                "webhook-signature": string;
                /** @description Hex HMAC-SHA256 of the body alone (the cashier dialect’s header); no replay protection. */
                "x-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaymentEventBody"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event; anything else is retried with backoff. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhook_payment_refunded: {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (Standard Webhooks). */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed (Standard Webhooks). */
                "webhook-timestamp": string;
                /** @description `v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` under your webhook secret; during a secret roll both secrets sign, space-separated. */
                "webhook-signature": string;
                /** @description Hex HMAC-SHA256 of the body alone (the cashier dialect’s header); no replay protection. */
                "x-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaymentEventBody"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event; anything else is retried with backoff. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhook_payment_late: {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (Standard Webhooks). */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed (Standard Webhooks). */
                "webhook-timestamp": string;
                /** @description `v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` under your webhook secret; during a secret roll both secrets sign, space-separated. */
                "webhook-signature": string;
                /** @description Hex HMAC-SHA256 of the body alone (the cashier dialect’s header); no replay protection. */
                "x-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaymentEventBody"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event; anything else is retried with backoff. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhook_payment_duplicate: {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (Standard Webhooks). */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed (Standard Webhooks). */
                "webhook-timestamp": string;
                /** @description `v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` under your webhook secret; during a secret roll both secrets sign, space-separated. */
                "webhook-signature": string;
                /** @description Hex HMAC-SHA256 of the body alone (the cashier dialect’s header); no replay protection. */
                "x-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaymentEventBody"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event; anything else is retried with backoff. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhook_payment_amount_mismatch: {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (Standard Webhooks). */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed (Standard Webhooks). */
                "webhook-timestamp": string;
                /** @description `v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` under your webhook secret; during a secret roll both secrets sign, space-separated. */
                "webhook-signature": string;
                /** @description Hex HMAC-SHA256 of the body alone (the cashier dialect’s header); no replay protection. */
                "x-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaymentEventBody"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event; anything else is retried with backoff. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhook_checkout_session_finished: {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (Standard Webhooks). */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed (Standard Webhooks). */
                "webhook-timestamp": string;
                /** @description `v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` under your webhook secret; during a secret roll both secrets sign, space-separated. */
                "webhook-signature": string;
                /** @description Hex HMAC-SHA256 of the body alone (the cashier dialect’s header); no replay protection. */
                "x-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SessionEventBody"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event; anything else is retried with backoff. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhook_checkout_session_expired: {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (Standard Webhooks). */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed (Standard Webhooks). */
                "webhook-timestamp": string;
                /** @description `v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` under your webhook secret; during a secret roll both secrets sign, space-separated. */
                "webhook-signature": string;
                /** @description Hex HMAC-SHA256 of the body alone (the cashier dialect’s header); no replay protection. */
                "x-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SessionEventBody"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event; anything else is retried with backoff. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhook_checkout_session_canceled: {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (Standard Webhooks). */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed (Standard Webhooks). */
                "webhook-timestamp": string;
                /** @description `v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` under your webhook secret; during a secret roll both secrets sign, space-separated. */
                "webhook-signature": string;
                /** @description Hex HMAC-SHA256 of the body alone (the cashier dialect’s header); no replay protection. */
                "x-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SessionEventBody"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event; anything else is retried with backoff. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhook_refund_created: {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (Standard Webhooks). */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed (Standard Webhooks). */
                "webhook-timestamp": string;
                /** @description `v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` under your webhook secret; during a secret roll both secrets sign, space-separated. */
                "webhook-signature": string;
                /** @description Hex HMAC-SHA256 of the body alone (the cashier dialect’s header); no replay protection. */
                "x-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefundEventBody"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event; anything else is retried with backoff. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhook_refund_updated: {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (Standard Webhooks). */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed (Standard Webhooks). */
                "webhook-timestamp": string;
                /** @description `v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` under your webhook secret; during a secret roll both secrets sign, space-separated. */
                "webhook-signature": string;
                /** @description Hex HMAC-SHA256 of the body alone (the cashier dialect’s header); no replay protection. */
                "x-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefundEventBody"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event; anything else is retried with backoff. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhook_refund_succeeded: {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (Standard Webhooks). */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed (Standard Webhooks). */
                "webhook-timestamp": string;
                /** @description `v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` under your webhook secret; during a secret roll both secrets sign, space-separated. */
                "webhook-signature": string;
                /** @description Hex HMAC-SHA256 of the body alone (the cashier dialect’s header); no replay protection. */
                "x-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefundEventBody"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event; anything else is retried with backoff. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhook_refund_failed: {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (Standard Webhooks). */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed (Standard Webhooks). */
                "webhook-timestamp": string;
                /** @description `v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` under your webhook secret; during a secret roll both secrets sign, space-separated. */
                "webhook-signature": string;
                /** @description Hex HMAC-SHA256 of the body alone (the cashier dialect’s header); no replay protection. */
                "x-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefundEventBody"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event; anything else is retried with backoff. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
