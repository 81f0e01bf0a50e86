/** Made-up customers and what they write, for simulated conversations (Spanish: the product's default locale). */
export const FIRST_NAMES = ["Ana", "Luis", "María", "Carlos", "Sofía", "Jorge", "Valeria", "Diego", "Camila", "Andrés", "Lucía", "Miguel"] as const;
export const LAST_NAMES = ["García", "Hernández", "López", "Martínez", "Rodríguez", "Pérez", "Sánchez", "Ramírez", "Torres", "Flores"] as const;
export const SAMPLE_TEXTS = [
  "Hola, ¿cuál es su horario de atención?",
  "Buenas tardes, quiero saber el estado de mi pedido",
  "¿Tienen envío a domicilio?",
  "Necesito cambiar la dirección de entrega",
  "¿Aceptan pago con tarjeta?",
  "Me llegó el producto dañado, ¿qué hago?",
  "¿Puedo agendar una cita para mañana?",
  "Gracias por la atención 🙌",
  "¿Cuánto cuesta el envío a Guadalajara?",
  "Quisiera hablar con un asesor, por favor",
] as const;
