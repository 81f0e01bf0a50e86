import type { ExportDocument } from "./export-document";

/**
 * Starting points shipped with the product, listed by GET /bot-templates next to the published templates of the
 * database. They live in code (ids "builtin-<key>"), so nothing is written when listing and a deploy updates them.
 * A database template with the same slug replaces the built-in one (a super admin's way to edit or hide it).
 */
export type BuiltinTemplate = { id: string; slug: string; name: string; description: string; category: string; payload: ExportDocument };

const base = { format: "cx-inbox-bot", version: 1, tier: "config", exportedAt: "2025-01-01T00:00:00.000Z" } as const;

const restaurant: ExportDocument = {
  ...base,
  config: {
    name: "Restaurante / café",
    systemPrompt:
      "Eres el asistente de WhatsApp de un restaurante. Responde breve y amable, en el idioma del cliente. Usa solo la información de la base de conocimiento: si no sabes algo (precios, disponibilidad), dilo y ofrece pasar con una persona. Nunca confirmes una reserva tú mismo: toma los datos y pásala al equipo.",
    welcomeMessage: "¡Hola! 👋 Soy el asistente del restaurante. Puedo ayudarte con horarios, menú, ubicación y reservas.",
    fallbackMessage: "No estoy seguro de eso. Te paso con alguien del equipo.",
    handoffMessage: "Una persona del equipo te responde en breve. 🙌",
    temperature: 0.3,
    maxTokens: 400,
    confidenceThreshold: 0.5,
    language: "es",
    settings: { handoffKeywords: ["encargado", "gerente"], historyTurns: 6, ragTopK: 4, ragEnabled: true },
  },
  intents: [
    {
      name: "Horarios",
      keywords: ["horario", "horarios", "abren", "cierran", "hora", "hours", "open"],
      examples: ["¿A qué hora abren?", "¿Abren el domingo?"],
      action: "REPLY",
      response: "Abrimos de martes a domingo de 13:00 a 23:00. Los lunes descansamos.",
    },
    {
      name: "Menú",
      keywords: ["menú", "menu", "carta", "platillos", "precios"],
      examples: ["¿Me pasas el menú?", "¿Qué platillos tienen?"],
      action: "REPLY",
      response: "Aquí está nuestra carta. Si tienes alguna alergia, dinos y te recomendamos opciones.",
    },
    {
      name: "Ubicación",
      keywords: ["dirección", "direccion", "ubicación", "ubicacion", "dónde están", "donde estan", "estacionamiento"],
      examples: ["¿Dónde están?", "¿Tienen estacionamiento?"],
      action: "REPLY",
      response: "Estamos en Av. Principal 123, Centro. Hay estacionamiento en la calle de atrás.",
    },
    {
      name: "Reservas",
      keywords: ["reserva", "reservar", "reservación", "mesa", "booking"],
      examples: ["Quiero reservar una mesa para 4", "¿Puedo reservar para mañana?"],
      action: "HANDOFF",
      response: "¡Claro! Dime el día, la hora y cuántas personas son, y el equipo confirma tu reserva.",
    },
    {
      name: "Pedidos a domicilio",
      keywords: ["domicilio", "delivery", "para llevar", "envío", "envio"],
      examples: ["¿Tienen servicio a domicilio?"],
      action: "REPLY",
      response: "Sí, entregamos en un radio de 5 km de 13:00 a 22:00. Escríbenos tu pedido y tu dirección.",
    },
    {
      name: "Despedida",
      keywords: ["gracias", "eso es todo", "adiós", "adios", "bye"],
      action: "END",
      response: "¡Gracias por escribirnos! Te esperamos pronto. 🍽️",
    },
  ],
};

const ecommerce: ExportDocument = {
  ...base,
  config: {
    name: "Soporte e-commerce",
    systemPrompt:
      "Eres el asistente de atención al cliente de una tienda en línea. Responde de forma clara y breve. Para el estado de un pedido pide el número de pedido. Nunca prometas reembolsos ni cambios de precio: explica la política y, si el cliente lo pide, pásalo con una persona.",
    welcomeMessage: "¡Hola! Soy el asistente de la tienda. Puedo ayudarte con pedidos, envíos, devoluciones y pagos.",
    fallbackMessage: "No tengo esa información. Te paso con una persona del equipo de soporte.",
    handoffMessage: "Te atiende una persona del equipo de soporte en breve.",
    temperature: 0.2,
    maxTokens: 500,
    confidenceThreshold: 0.55,
    language: "es",
    settings: { handoffKeywords: ["reclamo", "queja", "supervisor"], historyTurns: 8, ragTopK: 5, ragEnabled: true },
  },
  intents: [
    {
      name: "Estado del pedido",
      keywords: ["pedido", "orden", "rastreo", "seguimiento", "order", "tracking"],
      patterns: ["\\b(pedido|orden)\\s*#?\\d{4,}"],
      examples: ["¿Dónde está mi pedido?", "Quiero saber el estado de mi orden"],
      action: "ASK",
      response: "Con gusto lo reviso. ¿Me compartes tu número de pedido? Lo encuentras en el correo de confirmación.",
    },
    {
      name: "Envíos",
      keywords: ["envío", "envio", "entrega", "shipping", "cuánto tarda", "cuanto tarda"],
      examples: ["¿Cuánto tarda el envío?", "¿Envían a todo el país?"],
      action: "REPLY",
      response: "Enviamos a todo el país. La entrega tarda de 2 a 5 días hábiles; el envío es gratis en compras desde $999.",
    },
    {
      name: "Devoluciones",
      keywords: ["devolución", "devolucion", "devolver", "cambio", "reembolso", "refund", "return"],
      examples: ["Quiero devolver un producto", "¿Cómo pido un reembolso?"],
      action: "REPLY",
      response: "Tienes 30 días desde la entrega para devolver un producto sin uso y con su empaque. Si quieres iniciar la devolución, escribe «persona» y te atiende alguien del equipo.",
    },
    {
      name: "Métodos de pago",
      keywords: ["pago", "pagar", "tarjeta", "transferencia", "meses sin intereses", "payment"],
      examples: ["¿Qué formas de pago aceptan?"],
      action: "REPLY",
      response: "Aceptamos tarjetas de crédito y débito, transferencia y pago en tiendas de conveniencia.",
    },
    {
      name: "Problema con un pedido",
      keywords: ["llegó roto", "llego roto", "dañado", "incompleto", "equivocado", "no llegó", "no llego"],
      examples: ["Mi pedido llegó dañado", "Me llegó un producto equivocado"],
      action: "HANDOFF",
      response: "Lamento mucho el inconveniente. Te paso con el equipo de soporte para resolverlo.",
    },
    {
      name: "Despedida",
      keywords: ["gracias", "eso es todo", "adiós", "adios", "bye"],
      action: "END",
      response: "¡Gracias por tu compra! Aquí estamos si necesitas algo más.",
    },
  ],
};

export const BUILTIN_TEMPLATES: BuiltinTemplate[] = [
  {
    id: "builtin-restaurant",
    slug: "restaurant-cafe",
    name: "Restaurante / café",
    description: "Horarios, menú, ubicación, pedidos a domicilio y reservas (que pasa al equipo).",
    category: "Hospitality",
    payload: restaurant,
  },
  {
    id: "builtin-ecommerce",
    slug: "ecommerce-support",
    name: "Soporte e-commerce",
    description: "Estado de pedidos, envíos, devoluciones, pagos y problemas con un pedido (que pasa al equipo).",
    category: "Retail",
    payload: ecommerce,
  },
];

export const BUILTIN_CREATED_AT = base.exportedAt;
