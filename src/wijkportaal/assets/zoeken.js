/* Wijkportaal: zoeken (wordt gevuld) */
